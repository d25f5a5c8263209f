"""Write corpus_ml19/MANIFEST.json (format of corpus_ml17) from the documents and make_planted.PLANTS.
Usage: python gen_manifest.py   (checks that every notation sample is verbatim text of its document)
"""
import json, os, subprocess, sys
import make_planted as MP

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

DOCS = [
    dict(file='backprop_neuron_lecture.tex', family='backprop_generic_activation_and_loss',
         style="LaTeX lecture scribe notes (\\maketitle, \\section, equation and align, \\bigl(...\\bigr), primes on letters g' and \\ell'; the prose says the activation is kept general and names tanh and the squared loss only at the end): one neuron z = wx + b, a = g(z), L = ell(g(wx + b)); dL/dw by the chain rule as a product of d/d fractions, in a and z, and written out; dL/db; two stacked neurons, error signals delta_2 and delta_1; dL/dw_1 in layer notation and written out; g = tanh with squared loss",
         notation=["L(w, b) = \\ell\\bigl(g(wx + b)\\bigr).",
                   "&= \\frac{d\\ell}{da}\\,\\frac{da}{dz}\\,\\frac{\\partial z}{\\partial w} \\\\",
                   "\\delta_1 = \\frac{\\partial L}{\\partial z_1} = \\delta_2\\,w_2\\,g'(z_1).",
                   "\\frac{\\partial L}{\\partial w} = (a - y)\\,(1 - a^2)\\,x ."],
         definitions=3, verified="sympy: every link holds (numerically at 30 digits at 4 random points with g, ell replaced by (sin u + u^3, e^{u/3} + u^2) and by (tanh u, log(1 + e^{-u}) + u^3/5); all 12 links also proved by simplify with g, ell unknown Functions)",
         notes="Definitions (3): L(w, b) = ell(g(wx + b)), delta_2 = dL/dz_2, delta_1 = dL/dz_1 (first link of each). g'(z) is SymPy's Subs(Derivative(g(t), t), t, z)."),
    dict(file='quotient_rule_forum.md', family='product_quotient_chain_rules_generic_f_g',
         style="Markdown forum thread (question with a title heading, accepted answer with score, second answer, blockquoted comments with a $$ display inside the quote, --- separators, single-line $$ displays, \\left(\\frac{f}{g}\\right)', \\frac{d}{dx}\\bigl[...\\bigr], natural \\ln; the question says nothing about f and g, the answer assumes them differentiable with g != 0, the second answer positive): the product rule; the quotient rule from the product rule and the chain rule for 1/g; h(x) = f(x^2)/g(x) by the quotient rule with the inner factor 2x; logarithmic differentiation of h; the chain rule for three functions",
         notation=["(fg)'(x) = f'(x)\\,g(x) + f(x)\\,g'(x)",
                   "\\left(\\frac{f}{g}\\right)' = \\left(f\\cdot\\frac{1}{g}\\right)'",
                   "\\frac{h'(x)}{h(x)} = \\frac{d}{dx}\\ln h(x)",
                   "\\bigl(f\\circ g\\circ k\\bigr)'(x) = f'\\bigl(g(k(x))\\bigr)\\,g'\\bigl(k(x)\\bigr)\\,k'(x)"],
         definitions=0, verified="sympy: every link holds (numerically at 30 digits at 4 random points with (f, g, k) replaced by (e^{u/3} + u^2, 2 + sin u, u^3 + cos u) and (1 + u^4 + e^{-u}, e^u + u^2 + 1, sin 2u + u), positive where logs are taken; all 10 links also proved by simplify with f, g, k unknown Functions)",
         notes="Definitions (0): h(x) = f(x^2)/g(x) is defined inline. The rule statements are checked as identities of the derivative of the product/quotient/composition of unknown Functions."),
    dict(file='penalised_objective_exam.tex', family='gradient_of_penalised_objective_generic_loss_and_penalty',
         style="LaTeX exam model solutions (centered header, \\paragraph parts with points, a marking note, sums with symbolic bounds n and d, w^\\top x_i, X^\\top, entrywise \\ell'(r) and \\Omega'(w), \\tfrac, \\operatorname{sign} in prose; the prose says ell and Omega are arbitrary twice-differentiable): J(w) = sum ell(w^T x_i - y_i) + lambda sum Omega(w_j); dJ/dw_k via dr_i/dw_k = x_ik; the gradient in matrix form; the diagonal second derivative; ridge as the special case X^T(Xw - y) + lambda w; the derivative of the smoothed l1 penalty sqrt(u^2 + eps^2)",
         notation=["J(w) = \\sum_{i=1}^{n} \\ell\\bigl(w^\\top x_i - y_i\\bigr) + \\lambda\\sum_{j=1}^{d}\\Omega(w_j).",
                   "\\nabla J(w) = X^\\top \\ell'(r) + \\lambda\\,\\Omega'(w).",
                   "\\nabla J(w) = X^\\top (Xw - y) + \\lambda w ,",
                   "\\Omega_\\varepsilon'(u) = \\tfrac12\\,(u^2 + \\varepsilon^2)^{-1/2}\\cdot 2u = \\frac{u}{\\sqrt{u^2 + \\varepsilon^2}},"],
         definitions=1, verified="sympy: every link holds for every n, d in 1..3 and every k (numerically at 30 digits at 4 random points with (ell, Omega) replaced by (e^{u/3} + u^2, sin u + u^3) and (log(1 + e^u), sqrt(1 + u^2)); all links also proved by simplify with ell, Omega unknown Functions)",
         notes="Definitions (1): J(w). Statements with symbolic n, d are checked for n, d = 1..3 with explicit symbols x_ik, y_i, w_j; the vector identities componentwise."),
    dict(file='change_of_variables_blog.md', family='change_of_variables_generic_invertible_map',
         style="Markdown blog post (YAML front matter with title/date/tags, ## sections, single-line $$ displays, \\bigl(S(y)\\bigr) nesting, \\Bigl[...\\Bigr]^{-1} and ^{-2}, P(...) of events, natural \\ln; the prose says T is any strictly increasing twice-differentiable map and assumes nothing else): F_Y(y) = P(T(X) <= y) = P(X <= S(y)) = F_X(S(y)); T'(S(y)) S'(y) = 1 from T(S(y)) = y; p_Y = p_X(S(y)) S'(y) = p_X(S(y))/T'(S(y)); the log-density; S'' = -T''(S)/T'(S)^3",
         notation=["F_Y(y) = P\\bigl(T(X) \\le y\\bigr) = P\\bigl(X \\le S(y)\\bigr) = F_X\\bigl(S(y)\\bigr)",
                   "T'\\bigl(S(y)\\bigr)\\,S'(y) = \\frac{d}{dy}\\,T\\bigl(S(y)\\bigr) = 1",
                   "\\ln p_Y(y) = \\ln p_X\\bigl(S(y)\\bigr) - \\ln T'\\bigl(S(y)\\bigr)",
                   "-\\frac{T''\\bigl(S(y)\\bigr)}{T'\\bigl(S(y)\\bigr)^{3}}"],
         definitions=1, verified="sympy: every link holds with F_X an unknown Function and T, S = T^{-1} each of (sinh, asinh), (u + e^u, y - W(e^y)), (exp, log) (numerically at 30 digits at 4 random points with F_X replaced by the logistic and the normal cdf; simplify proves 12, 7 and 11 of the 12 links for the three maps)",
         notes="Definitions (1): F_Y(y) = P(T(X) <= y). The three links of the distribution-function chain rest on the equality of the events {T(X) <= y} and {X <= S(y)}; the script checks T(S(y)) = y and T' > 0 for each map and encodes all four sides as F_X(S(y)). The inverse map cannot be kept generic in SymPy, so T is concrete (three maps with closed-form inverses) while the distribution F_X stays an unknown Function; p_X = F_X'."),
    dict(file='score_function_notes.tex', family='log_derivative_trick_generic_density_and_normaliser',
         style="LaTeX reading-group notes (\\section* headings, \\newcommand{\\E}{\\mathbb{E}}, align* with two = per line, equation* chains, an align with \\nonumber, \\partial_\\theta E_\\theta(x) next to \\E, integrals without limits, natural \\log; p_theta and f are not described beyond smoothness, the energy E_theta is generic): the score-function gradient d/dtheta E[f] = E[f d/dtheta log p]; the score has mean zero; an energy-based density e^{-E}/Z; d/dtheta log Z = Z'/Z = -(1/Z) int dE e^{-E} = -E[dE]",
         notation=["\\frac{d}{d\\theta}\\,\\E_{p_\\theta}[f(x)]",
                   "= \\E_{p_\\theta}\\Bigl[f(x)\\,\\frac{d}{d\\theta}\\log p_\\theta(x)\\Bigr].",
                   "p_\\theta(x) = \\frac{e^{-E_\\theta(x)}}{Z(\\theta)}, \\qquad",
                   "&= -\\E_{p_\\theta}\\bigl[\\partial_\\theta E_\\theta(x)\\bigr]."],
         definitions=2, verified="sympy/mpmath: every link holds by quadrature over the real line (30 digits, tolerance 1e-12 because of numerical differentiation of integrals) for p_theta = N(theta, 1) and N(0, theta^2) with f = x^3 + sin x and cos x + x^2, and for the energies x^4/4 - theta x and theta x^2/2 + x^4/4, at 2 random theta each; the integrand identities f dp = f p dlog p, p dlog p = dp, dlog Z = Z'/Z and d e^{-E} = -dE e^{-E} are proved by simplify with p, f, E, Z unknown Functions",
         notes="Definitions (2): p_theta(x) = e^{-E}/Z and Z(theta) = int e^{-E} dx (checked to normalise). The swap of d/dtheta and the integral is the document's stated assumption."),
    dict(file='two_layer_net_notebook.md', family='backprop_generic_activation_and_loss',
         style="Markdown notebook export (an italic export line, ### cell headings, single-line $$ displays, sums with symbolic bound m, \\hat y, four-factor chain of partial fractions, a Python code fence with = inside; sigma is generic until the last section, where the logistic is named): yhat = sum v_j sigma(w_j x + b_j) + c; dl/dv_j, dl/dw_j, dl/db_j; the input gradient as a sum over hidden units; sigma' = sigma(1 - sigma) for the logistic sigmoid",
         notation=["\\hat y = \\sum_{j=1}^{m} v_j\\,\\sigma(w_j x + b_j) + c",
                   "\\frac{\\partial \\ell}{\\partial v_j} = \\ell'(\\hat y)\\,h_j",
                   "\\frac{\\partial \\ell}{\\partial b_j} = \\ell'(\\hat y)\\,v_j\\,\\sigma'(a_j)",
                   "= \\sigma(a)\\bigl(1 - \\sigma(a)\\bigr)"],
         definitions=1, verified="sympy: every link holds for m = 1..3 hidden units and every j (numerically at 30 digits at 4 random points with (sigma, ell) replaced by (sin u + u^3, e^{u/3} + u^2) and (tanh u, (u - 1)^2/2 + cos u); all links also proved by simplify with sigma, ell unknown Functions)",
         notes="Definitions (1): yhat (the first display). The code fence is not counted and not run."),
]

WHOLE = {  # whole right and wrong expressions where the edited substring is only part of one
    'quotient_rule_forum.md': (r"f'\cdot\frac{1}{g} + f\cdot\left(-\frac{g'}{g^2}\right)",
                               r"f'\cdot\frac{1}{g} + f\cdot\left(\frac{g'}{g^2}\right)"),
    'change_of_variables_blog.md': (r"-\Bigl[T'\bigl(S(y)\bigr)\Bigr]^{-2}\,T''\bigl(S(y)\bigr)\,S'(y)",
                                    r"-\Bigl[T'\bigl(S(y)\bigr)\Bigr]^{-1}\,T''\bigl(S(y)\bigr)\,S'(y)"),
    'two_layer_net_notebook.md': (r"\sum_{j=1}^{m}\ell'(\hat y)\,v_j\,\sigma'(a_j)\,w_j",
                                  r"\sum_{j=1}^{m}\ell'(\hat y)\,v_j\,\sigma'(a_j)"),
    'backprop_neuron_lecture.tex': (r"\ell'(a_2)\,g'(z_2)\,w_2\,g'(z_1)\,x", r"\ell'(a_2)\,g'(z_2)\,w_2\,x"),
    'penalised_objective_exam.tex': (r"\sum_{i=1}^{n} \ell'(r_i)\,\frac{\partial}{\partial w_k}\bigl(w^\top x_i - y_i\bigr) + \lambda\,\Omega'(w_k)",
                                     r"\sum_{i=1}^{n} \ell'(r_i)\,\frac{\partial}{\partial w_k}\bigl(w^\top x_i - y_i\bigr)"),
    'score_function_notes.tex': (r"-\frac{1}{Z(\theta)}\int \partial_\theta E_\theta(x)\,e^{-E_\theta(x)}\,dx",
                                 r"\frac{1}{Z(\theta)}\int \partial_\theta E_\theta(x)\,e^{-E_\theta(x)}\,dx"),
}


def count_links(path):
    out = subprocess.run([sys.executable, os.path.join(HERE, 'count.py'), path], capture_output=True, text=True).stdout
    return int(out.split()[0])


def main():
    out = []
    for d in DOCS:
        fn = d['file']
        text = open(os.path.join(ROOT, fn)).read()
        for s in d['notation']:
            assert s in text, (fn, s)
        n = count_links(os.path.join(ROOT, fn))
        base = dict(file=fn, kind='correct', style=d['style'], family=d['family'], notation=d['notation'],
                    links=n, definitions=d['definitions'], verified=d['verified'], notes=d['notes'])
        out.append(base)
        line, right_line, wrong_line, what = MP.plant(fn)
        old, new, _ = MP.PLANTS[fn]
        b, ext = os.path.splitext(fn)
        pl = dict(base)
        pl.update(file=b + '_planted' + ext, kind='planted', copy_of=fn, failing_links=2,
                  planted=dict(line=line, wrong=WHOLE[fn][1], right=WHOLE[fn][0], what=what,
                               expression_lines=[line, line]),
                  verified='sympy: the 2 link(s) touching the wrong expression fail (refuted numerically with the concrete substitutes), all other links hold')
        ptext = open(os.path.join(ROOT, pl['file'])).read()
        pl['notation'] = [s for s in d['notation'] if s in ptext]
        assert count_links(os.path.join(ROOT, pl['file'])) == n
        assert WHOLE[fn][0] in text and WHOLE[fn][1] in ptext and WHOLE[fn][1] not in text.replace(WHOLE[fn][0], '')
        out.append(pl)
    json.dump(out, open(os.path.join(ROOT, 'MANIFEST.json'), 'w'), indent=2, ensure_ascii=False)
    for e in out:
        print(e['file'], e['links'], e['definitions'], e.get('planted', {}).get('line', ''))


if __name__ == '__main__':
    main()
