import json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import verify, count
D = os.path.dirname(HERE)

P = [  # src, old, new, wrong expr, right expr, what
 ('softmax_jacobian_notes.tex', r'= s_i (\delta_{ij} - s_j) = s_i \delta_{ij} - s_i s_j ,', r'= s_i (\delta_{ii} - s_j) = s_i \delta_{ij} - s_i s_j ,',
  r's_i (\delta_{ii} - s_j)', r's_i (\delta_{ij} - s_j)', 'wrong index: Kronecker delta written delta_ii instead of delta_ij (wrong whenever i != j)'),
 ('softmax_jacobian_blog.md', r'&= \delta_{ij}\, s_i - s_i s_j \\', r'&= \delta_{ij}\, s_i + s_i s_j \\',
  r'\delta_{ij}\, s_i + s_i s_j', r'\delta_{ij}\, s_i - s_i s_j', 'sign: + s_i s_j instead of - s_i s_j'),
 ('softmax_xent_notes.tex', r'&= -y_j + s_j \sum_{k} y_k', r'&= -y_j + \sum_{k} y_k',
  r'-y_j + \sum_{k} y_k', r'-y_j + s_j \sum_{k} y_k', 'dropped factor s_j in front of the sum'),
 ('softmax_xent_answer.md', r'\left(-\hat{y}_k \hat{y}_j\right)', r'\left(-\hat{y}_k \hat{y}_k\right)',
  r'-\frac{y_j}{\hat{y}_j}\, \hat{y}_j (1 - \hat{y}_j) - \sum_{k \neq j} \frac{y_k}{\hat{y}_k} \left(-\hat{y}_k \hat{y}_k\right)',
  r'-\frac{y_j}{\hat{y}_j}\, \hat{y}_j (1 - \hat{y}_j) - \sum_{k \neq j} \frac{y_k}{\hat{y}_k} \left(-\hat{y}_k \hat{y}_j\right)',
  'wrong index: off-diagonal softmax derivative written -yhat_k yhat_k instead of -yhat_k yhat_j'),
 ('logreg_grad_pset.tex', r'\sigma(wx+b) \bigl( 1 - \sigma(wx+b) \bigr) \, x \\', r'\sigma(wx+b) \bigl( 1 - \sigma(wx+b) \bigr) \\',
  r'-\left[ \frac{y}{\sigma(wx+b)} - \frac{1-y}{1-\sigma(wx+b)} \right] \sigma(wx+b) \bigl( 1 - \sigma(wx+b) \bigr)',
  r'-\left[ \frac{y}{\sigma(wx+b)} - \frac{1-y}{1-\sigma(wx+b)} \right] \sigma(wx+b) \bigl( 1 - \sigma(wx+b) \bigr) \, x',
  'dropped factor x (the inner derivative dz/dw of the chain rule)'),
 ('least_squares_blog.md', r'\frac{1}{2m} \sum_{i=1}^{m} 2 \left(h_\theta', r'\frac{1}{2m} \sum_{i=1}^{m} \left(h_\theta',
  r'\frac{1}{2m} \sum_{i=1}^{m} \left(h_\theta(x^{(i)}) - y^{(i)}\right) \frac{\partial}{\partial \theta} h_\theta(x^{(i)})',
  r'\frac{1}{2m} \sum_{i=1}^{m} 2 \left(h_\theta(x^{(i)}) - y^{(i)}\right) \frac{\partial}{\partial \theta} h_\theta(x^{(i)})',
  'dropped factor 2 from differentiating the square'),
 ('gauss_mu_notes.tex', r'&= \frac{1}{\sigma^2} \sum_{i=1}^{n} (x_i - \mu) \nonumber', r'&= -\frac{1}{\sigma^2} \sum_{i=1}^{n} (x_i - \mu) \nonumber',
  r'-\frac{1}{\sigma^2} \sum_{i=1}^{n} (x_i - \mu)', r'\frac{1}{\sigma^2} \sum_{i=1}^{n} (x_i - \mu)', 'sign: the two minus signs were not cancelled'),
 ('gauss_sigma_answer.md', r'\frac{(x_i - \mu)^2}{\sigma^3} \right] \\', r'\frac{(x_i - \mu)^2}{\sigma^2} \right] \\',
  r'\sum_{i=1}^{n} \left[ -\frac{1}{\sigma} + \frac{(x_i - \mu)^2}{\sigma^2} \right]',
  r'\sum_{i=1}^{n} \left[ -\frac{1}{\sigma} + \frac{(x_i - \mu)^2}{\sigma^3} \right]', 'wrong exponent: sigma^2 instead of sigma^3 in the denominator'),
 ('variance_blog.md', r'= E[X^2] - 2\mu E[X] + \mu^2', r'= E[X^2] - \mu E[X] + \mu^2',
  r'E[X^2] - \mu E[X] + \mu^2', r'E[X^2] - 2\mu E[X] + \mu^2', 'dropped factor 2 of the cross term'),
 ('covariance_notes.tex', r'- \mathbb{E}[X]^2 - 2 \, \mathbb{E}[X] \, \mathbb{E}[Y] - \mathbb{E}[Y]^2 \\', r'- \mathbb{E}[X]^2 - 2 \, \mathbb{E}[X] \, \mathbb{E}[Y] \\',
  r'\mathbb{E}[X^2] + 2 \, \mathbb{E}[XY] + \mathbb{E}[Y^2] - \mathbb{E}[X]^2 - 2 \, \mathbb{E}[X] \, \mathbb{E}[Y]',
  r'\mathbb{E}[X^2] + 2 \, \mathbb{E}[XY] + \mathbb{E}[Y^2] - \mathbb{E}[X]^2 - 2 \, \mathbb{E}[X] \, \mathbb{E}[Y] - \mathbb{E}[Y]^2',
  'dropped term -E[Y]^2 of the expanded square of the mean (the expression spans two source lines; the slip is on the second)'),
 ('backprop_neuron_notes.tex', r'&= (a - y) \cdot \sigma(z) \bigl( 1 - \sigma(z) \bigr) \cdot x \\', r'&= (a - y) \cdot \sigma(z) \bigl( 1 + \sigma(z) \bigr) \cdot x \\',
  r'(a - y) \cdot \sigma(z) \bigl( 1 + \sigma(z) \bigr) \cdot x', r'(a - y) \cdot \sigma(z) \bigl( 1 - \sigma(z) \bigr) \cdot x', 'sign in the sigmoid derivative: 1 + sigma instead of 1 - sigma'),
 ('backprop_neuron_blog.md', r'\frac{\partial z}{\partial w_1} = x_1', r'\frac{\partial z}{\partial w_1} = x_2',
  r'x_2', r'x_1', 'wrong index: dz/dw_1 written as x_2 (third equation of the display)'),
 ('integral_blog.md', r'&= -e^{-1} - e^{-1} + 1 \\', r'&= -e^{-1} + e^{-1} + 1 \\',
  r'-e^{-1} + e^{-1} + 1', r'-e^{-1} - e^{-1} + 1', 'sign when evaluating [-e^{-x}] at the upper limit'),
 ('series_sum_notes.tex', r'&= \frac{n(n+1)}{2} + (n + 1) \\', r'&= \frac{n(n+1)}{2} + (n + 1)^2 \\',
  r'\frac{n(n+1)}{2} + (n + 1)^2', r'\frac{n(n+1)}{2} + (n + 1)', 'wrong exponent: (n+1)^2 instead of (n+1)'),
]

FAM = {'softmax_jacobian': 'softmax_jacobian', 'softmax_xent': 'softmax_cross_entropy', 'logreg_grad': 'logistic_regression_gradient',
       'least_squares': 'least_squares_one_parameter', 'gauss_mu': 'gaussian_loglik_mu', 'gauss_sigma': 'gaussian_loglik_sigma',
       'variance': 'variance_identity', 'covariance': 'covariance_identities', 'backprop_neuron': 'backprop_one_neuron',
       'integral': 'definite_integral_0_1', 'series_sum': 'series_partial_sum'}
STYLE = {
 'softmax_jacobian_notes.tex': 'LaTeX lecture notes: equation/align with \\nonumber, \\label/\\eqref, separate diagonal and off-diagonal chains',
 'softmax_jacobian_blog.md': 'Markdown blog post with front matter: $$ \\begin{aligned} $$ chain and a one-line $$ chain',
 'softmax_xent_notes.tex': 'LaTeX course notes: align* with && \\text{(...)} annotations; hypothesis in \\[ \\]',
 'softmax_xent_answer.md': 'Markdown Q&A answer: bold question, $$ aligned $$ splitting the sum into k = j and k != j',
 'logreg_grad_pset.tex': 'LaTeX problem-set solution: \\newcommand, align* rows holding two = each',
 'logreg_grad_blog.md': 'Markdown blog post: one-line $$ chains, aligned rewrite of the loss',
 'least_squares_notes.tex': 'LaTeX lecture notes: align with \\nonumber and \\label, \\partial_{\\theta} J',
 'least_squares_blog.md': 'Markdown (Jekyll) blog post in Andrew-Ng notation h_\\theta(x^{(i)})',
 'gauss_mu_notes.tex': 'LaTeX lecture notes: two-= equation, displayed definition of \\bar{x}, align with \\nonumber',
 'gauss_mu_blog.md': 'Markdown blog post: one long one-line $$ chain, L(\\mu, \\sigma; x) notation',
 'gauss_sigma_pset.tex': 'LaTeX problem-set solution: \\[ \\] definition with \\boldsymbol{\\theta}, align*',
 'gauss_sigma_answer.md': 'Markdown Q&A answer: aligned chain, second-derivative display',
 'variance_notes.tex': 'LaTeX review notes: align with \\nonumber and && \\text{}, \\operatorname{Var}, \\mathbb{E}',
 'variance_blog.md': 'Markdown blog post: chain continued over five separate $$ blocks, each continuation starting with =',
 'covariance_notes.tex': 'LaTeX notes: \\DeclareMathOperator{\\Cov}, align* with a row continued on the next source line',
 'covariance_answer.md': 'Markdown Q&A answer: plain E[...] and \\operatorname{Cov}, aligned chain',
 'backprop_neuron_notes.tex': 'LaTeX notes: aligned inside equation, Leibniz chain of partials, \\tfrac',
 'backprop_neuron_blog.md': 'Markdown blog post: several equations per display separated by \\quad, d\\sigma/dz',
 'integral_notes.tex': 'LaTeX worked example: align*, evaluation bracket \\left[ F \\right]_0^1, d\\theta',
 'integral_blog.md': 'Markdown blog post: \\left. ... \\right|_0^1, \\,dx and \\mathrm{d}x',
 'series_sum_notes.tex': 'LaTeX aside: align* chains and \\[ \\], induction step',
 'series_sum_answer.md': 'Markdown Q&A answer: telescoping sum, one-line $$ chains',
}
NOT = {
 'softmax_jacobian_notes.tex': [r'\frac{\partial s_i}{\partial z_j}', r'\mathbf{z}', r'\mathrm{softmax}(\mathbf{z})_i', r'\sum_{k=1}^{K}', r'\delta_{ij}', 'e^{z_i}'],
 'softmax_jacobian_blog.md': [r'\frac{\partial s_i}{\partial z_j}', r'\frac{\partial e^{z_i}}{\partial z_j}', r'\sum_k', r'\sum_i', r'\delta_{ij}'],
 'softmax_xent_notes.tex': [r'\frac{\partial L}{\partial z_j}', r'\sum_{k}', r'\delta_{kj}', r'\log', r'\frac{\partial \log s_k}{\partial z_j}'],
 'softmax_xent_answer.md': [r'\hat{y}_k', r'\sum_{k=1}^{C}', r'\sum_{k \neq j}', r'\frac{\partial \ell}{\partial z_j}', r'\log'],
 'logreg_grad_pset.tex': [r'\sigma(t) sigmoid', r"\sigma'(t)", r'\frac{d}{dt}', r'\frac{\partial L}{\partial w}', r'\frac{\partial L}{\partial b}', r'\hat{y}', r'\log', r'\newcommand'],
 'logreg_grad_blog.md': [r'\sigma(z) sigmoid', r'\frac{\partial \ell}{\partial w}', r'\frac{\partial \ell}{\partial z}\frac{\partial z}{\partial w}', r'\sum_{i=1}^{n}', r'\ell_i', r'\hat{y}', r'\log'],
 'least_squares_notes.tex': [r'\partial_{\theta} J', r'\sum_{i=1}^{n}', r'\hat{\theta}', r'\frac{\partial^2 J}{\partial \theta^2}', r'\geq'],
 'least_squares_blog.md': [r'h_\theta(x^{(i)})', r'y^{(i)}', r'\frac{\partial J}{\partial \theta}', r'\frac{\partial}{\partial \theta}', r'\sum_{i=1}^{m}'],
 'gauss_mu_notes.tex': [r'\ell(\mu, \sigma)', r'\sigma standard deviation', r'\bar{x}', r'\frac{\partial \ell}{\partial \mu}', r'\exp', r'\log', r'\sum_{i=1}^{n}'],
 'gauss_mu_blog.md': [r'\log L(\mu, \sigma; x)', r'\sigma standard deviation', r'\frac{\partial}{\partial \mu}', r'\hat{\mu}', r'\sum_{i=1}^{n}'],
 'gauss_sigma_pset.tex': [r'\boldsymbol{\theta}', r'\ell(\mu, \sigma)', r'\frac{\partial \ell}{\partial \sigma}', r'\sigma^{-3}', r'\sigma standard deviation'],
 'gauss_sigma_answer.md': [r'\frac{\partial \ell}{\partial \sigma}', r'\frac{\partial^2 \ell}{\partial \sigma^2}', r'\hat{\sigma}^2', r'\bar{x}', r'\sigma standard deviation'],
 'variance_notes.tex': [r'\operatorname{Var}(X)', r'\mathbb{E}[X]', r'\mathbb{E}[X^2]', r'\mathbb{E}[X]^2', r'\bigl[ \bigr]'],
 'variance_blog.md': [r'V[X]', r'E[X]', r'E\left[ \right]', r'\mu = E[X] (prose)'],
 'covariance_notes.tex': [r'\Cov via \DeclareMathOperator', r'\operatorname{Var}', r'\mathbb{E}[XY]', r'\mathbb{E}[X] \, \mathbb{E}[Y]'],
 'covariance_answer.md': [r'\operatorname{Cov}(X, Y)', r'E[XY]', r'E[X \cdot X]', r'\operatorname{Var}(X)'],
 'backprop_neuron_notes.tex': [r'\frac{\partial L}{\partial a} \, \frac{\partial a}{\partial z} \, \frac{\partial z}{\partial w}', r'\sigma(z) sigmoid', r'\tfrac{1}{2}', r'\delta (error signal, not Kronecker)'],
 'backprop_neuron_blog.md': [r'\frac{d\sigma}{dz}', r'\frac{\partial L}{\partial \hat{y}}', r'\hat{y}', r'w_1, x_1', r'\sigma(z) sigmoid'],
 'integral_notes.tex': [r'\int_0^1 ... \, d\theta', r'\left[ \right]_0^1', r'\mathbb{E}[\theta \mid \text{data}]'],
 'integral_blog.md': [r'\int_0^1 ... \,dx', r'\left. \right|_0^1', r'\mathrm{d}x', r'\sigma(x) sigmoid', r'e^{-1}', 'e (Euler)'],
 'series_sum_notes.tex': [r'\sum_{k=1}^{n}', r'\sum_{k=1}^{n+1}', r'\frac{n(n+1)}{2}'],
 'series_sum_answer.md': [r'\sum_{k=1}^{n}', r'\left[ (k+1)^2 - k^2 \right]', r'\frac{1}{n} \sum_{k=1}^{n} k'],
}
NOTES = {
 'softmax_jacobian_notes.tex': 'The off-diagonal chain (second align, 3 links) is stated for j != i in the paragraph heading and is false for i = j. The first display (2 links) is a definition.',
 'softmax_xent_notes.tex': 'The displayed \\sum_k y_k = 1 is a hypothesis (1 link); L = ... is a definition; the last link of the chain needs the hypothesis.',
 'softmax_xent_answer.md': 'First display holds 2 definitions. In the last display the first link needs sum_k y_k = 1 (stated in prose and in the chain above).',
 'logreg_grad_pset.tex': 'L(w, b) = ... is a definition; \\hat{y} = \\sigma(wx+b) is given in prose only.',
 'logreg_grad_blog.md': 'First display: z = wx + b and \\hat{y} = \\sigma(z) are definitions, \\sigma(z) = 1/(1+e^{-z}) defines sigma; \\ell(w,b) = ... is a definition; J is defined in prose.',
 'least_squares_notes.tex': 'J(\\theta) = ... is a definition; \\hat{\\theta} = ... is the solution of the stationarity condition (a definition, not an identity).',
 'least_squares_blog.md': 'J(\\theta) = ... is a definition; h_\\theta(x) = \\theta x is defined in prose.',
 'gauss_mu_notes.tex': 'The first = of the log-likelihood display and \\bar{x} = ... are definitions. sigma > 0.',
 'gauss_mu_blog.md': 'log L = ... and \\hat{\\mu} = ... are definitions (the latter the root of the score).',
 'gauss_sigma_pset.tex': 'The \\[ \\] display holds 2 definitions (\\ell(\\boldsymbol{\\theta}) = \\ell(\\mu, \\sigma) and its formula). sigma > 0.',
 'gauss_sigma_answer.md': '\\ell = ... and \\hat{\\sigma}^2 = ... are definitions. \\frac{\\partial^2 \\ell}{\\partial \\sigma^2} is the second derivative in sigma.',
 'variance_blog.md': 'One chain of 5 links spread over five $$ blocks; mu = E[X] is stated in prose.',
 'backprop_neuron_notes.tex': 'First display: 3 definitions. In the delta display, delta = dL/dz is a definition (1 link) and the rest are identities.',
 'backprop_neuron_blog.md': 'First display: 3 definitions. The dL/dw_1 = product-of-partials display is the chain rule; the three local derivatives are one display with three equations.',
 'integral_notes.tex': 'Z = \\int ... and E[theta | data] = (1/Z) \\int ... are definitions (first link of each chain).',
 'integral_blog.md': 'sigma is the logistic sigmoid (stated in prose).',
}

TWO_LINE = {'logreg_grad_pset.tex', 'covariance_notes.tex'}  # wrong expression starts on the line before the slip

def main():
    manifest = []
    for f in sorted(verify.DOCS):
        res = verify.run(f, False)
        assert all(v[0] for v in res.values()), f
        nlinks = count.count_links(os.path.join(D, f))
        assert nlinks == len(res), (f, nlinks, len(res))
        ndef = sum(1 for v in res.values() if v[1] in ('def', 'hyp'))
        stem = f.rsplit('.', 1)[0]
        fam = next(v for k, v in FAM.items() if stem.startswith(k))
        e = dict(file=f, kind='correct', style=STYLE[f], family=fam, notation=NOT[f], links=nlinks,
                 definitions=ndef, verified='sympy: every link holds' + verify_note(f))
        if f in NOTES: e['notes'] = NOTES[f]
        manifest.append(e)
    for src, old, new, wrong, right, what in P:
        text = open(os.path.join(D, src)).read()
        assert text.count(old) == 1, src
        ptext = text.replace(old, new)
        a, b = text.split('\n'), ptext.split('\n')
        diff = [i + 1 for i, (x, y) in enumerate(zip(a, b)) if x != y]
        assert len(diff) == 1 and len(a) == len(b), (src, diff)
        stem, ext = src.rsplit('.', 1)
        pf = f'{stem}_planted.{ext}'
        open(os.path.join(D, pf), 'w').write(ptext)
        res = verify.run(src, True)
        failing = sorted(k for k, v in res.items() if not v[0])
        assert len(failing) >= 1
        nlinks = count.count_links(os.path.join(D, pf))
        base = next(m for m in manifest if m['file'] == src)
        e = dict(file=pf, kind='planted', style=base['style'], family=base['family'], notation=base['notation'],
                 links=nlinks, definitions=base['definitions'], copy_of=src,
                 planted=dict(line=diff[0], wrong=wrong, right=right, what=what,
                              expression_lines=[diff[0] - 1 if src in TWO_LINE else diff[0], diff[0]]),
                 failing_links=len(failing),
                 verified=f'sympy: the {len(failing)} link(s) touching the wrong expression fail, all other links hold' + verify_note(src))
        if src in NOTES: e['notes'] = NOTES[src]
        manifest.append(e)
    json.dump(manifest, open(os.path.join(D, 'MANIFEST.json'), 'w'), indent=2, ensure_ascii=False)
    print(len(manifest), sum(m['kind'] == 'correct' for m in manifest), sum(m['kind'] == 'planted' for m in manifest))

def verify_note(f):
    if f.startswith('softmax'): return ' for K = 1..4 classes and every index pair (i = j and i != j)' + (', with sum_k y_k = 1' if 'xent' in f else '')
    if f.startswith(('least', 'gauss', 'logreg_grad_blog')): return ' for n = 1..4 with fresh symbols per term'
    if f.startswith(('variance', 'covariance')): return ' by expanding into moments E[X^p Y^q]'
    if f.startswith('series'): return ' symbolically in n (sympy summation) and for n = 1..4'
    if f.startswith('integral'): return ' by exact integration (numeric quadrature for the sigmoid integral)'
    return ' symbolically'

main()
