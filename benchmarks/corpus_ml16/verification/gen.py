#!/usr/bin/env python3
"""Write the planted copies and MANIFEST.json of corpus_ml16.

Each planted copy is its source document with the single recorded edit (see the
with_plant(...) calls in encodings_a.py / encodings_b.py); the edit must match exactly once
and change exactly one line. Then every document is checked (verify.py's analysis) and the
manifest is written from the results. Run this only after fixing a real mistake in the corpus.

  python gen.py [--fast] [--jobs=N]   (N worker processes, one document at a time each)
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from verify import (CORPUS, all_docs, analyse_correct, analyse_planted,  # noqa: E402
                    apply_edit, planted_name, read)

F = {
    "vae": "vae_gaussian_kl_reparametrization_elbo",
    "gmm": "em_two_component_gaussian_mixture",
    "act": "smooth_activations_and_derivatives",
    "rob": "robust_regression_losses_huber_logcosh_pseudo_huber",
    "maxent": "maximum_entropy_gibbs_softmax_partition_function",
    "gamma": "gamma_distribution_moments_mgf_maximum_likelihood",
}

META = {
    "vae_kl_lecture.tex": dict(
        family=F["vae"],
        style="LaTeX lecture scribe notes (\\maketitle with \\\\[2pt] in the title, macros \\E, \\Var, \\KL, \\N and \\pd{}{} for partial "
              "derivatives, numbered align with \\label, \\eqref and \\nonumber rows, \\[...\\] with three chains separated by \\qquad, "
              "an align row holding two chains in & columns, \\texttt code in prose, \\Bigl/\\bigl brackets, natural \\log): the Gaussian "
              "log-densities; E_q[z - mu], E_q[(z - mu)^2], E_q[z^2]; KL(N(mu, sigma^2) || N(0, 1)) by expectations in four steps and in "
              "the log-variance v; its gradients in mu and v, the chain rule to sigma, the second derivatives, KL(1/2, 1) = e/2 - 7/8; "
              "the reparametrization z = mu + sigma eps for f(z) = (z - a)^2, E[f] = (mu - a)^2 + sigma^2, the pathwise gradients in mu, "
              "sigma and v and the score-function gradient; a toy objective E[f] + KL, its gradients and its value 3/4 + (1/2) log 3 "
              "at the minimiser for a = 3/2",
        notation=["\\E_q[z^2] = \\Var_q(z) + (\\E_q z)^2 = \\sigma^2 + \\mu^2",
                  "&= -\\frac12\\log\\sigma^2 - \\frac{\\sigma^2}{2\\sigma^2} + \\frac{\\sigma^2 + \\mu^2}{2} \\nonumber\\\\",
                  "\\pd{\\KL}{\\sigma} = \\pd{\\KL}{v}\\,\\frac{dv}{d\\sigma} = \\frac12(\\sigma^2 - 1)\\cdot\\frac{2}{\\sigma}",
                  "&= (\\mu - a)^2 + 2\\sigma(\\mu - a)\\,\\E[\\epsilon] + \\sigma^2\\,\\E[\\epsilon^2] \\nonumber\\\\",
                  "\\pd{}{\\sigma}\\E_q\\bigl[f(z)\\bigr] &= \\E_\\epsilon\\bigl[\\epsilon\\,f'(\\mu + \\sigma\\epsilon)\\bigr]",
                  "\\mathcal{L}(1, -\\log 3) = \\Bigl(1 - \\frac32\\Bigr)^2 + \\frac13 + \\frac12\\Bigl(1 + \\frac13 - 1 + \\log 3\\Bigr)"],
        notes="Definitions (4): log q(z), log p(z), KL(q || p), L(mu, v) (first links). Expectations over q and over eps are integrals "
              "over the whole line against the normal density (quadrature at 50 digits); the KL closed form used for derivatives is "
              "computed here as a polynomial expectation of log q - log p with moments from the mgf; the pathwise and score-function "
              "gradients are checked against d/dmu, d/dsigma, d/dv of E_q[f] obtained by differentiating the density under the integral "
              "sign; the minimiser of the toy objective is sympy.solve of its gradient (mu = 1, v = -log 3)."),
    "vae_elbo_blog.md": dict(
        family=F["vae"],
        style="Markdown blog post (YAML front matter with title/date/author/tags/math, ## sections, single-line $$...$$ displays, one "
              "$$\\begin{aligned}...\\end{aligned}$$ chain over two rows, a Python code fence containing =, \\tfrac, \\big/\\Big brackets, "
              "\\mathbb{E}_q, \\mathcal{N}, \\mathrm{KL}, natural \\ln): a one-dimensional VAE with prior N(0, 1), decoder N(z, 1) and "
              "encoder N(mu, sigma^2): the ELBO and the gap identity ln p(x) = ELBO + KL(q || posterior); E_q[(x - z)^2] = (x - mu)^2 + "
              "sigma^2; the KL in the logvar form of code; the bound in two forms, its gradients in mu, sigma^2 and ell = ln sigma^2, "
              "curvatures; completing the square for the posterior N(x/2, 1/2); the bound at the optimum equals ln N(x; 0, 2); numbers "
              "for x = 2 (L(0, 1), L(1, 1/2), the gap 3/2 - (1/2) ln 2 as a Gaussian KL); reparametrised single-sample gradients, their "
              "mean, and a draw eps = 1/2",
        notation=["\\ln p(x) = \\mathcal{L}(q) + \\mathrm{KL}\\big(q(z) \\,\\|\\, p(z \\mid x)\\big)",
                  "(x - \\mu)^2 - 2(x - \\mu)\\,\\mathbb{E}_q[z - \\mu] + \\mathbb{E}_q\\big[(z - \\mu)^2\\big]",
                  "\\frac{\\partial\\mathcal{L}}{\\partial\\ell} = \\sigma^2\\,\\frac{\\partial\\mathcal{L}}{\\partial\\sigma^2} = \\tfrac12 - \\sigma^2",
                  "-\\frac{z^2}{2} - \\frac{(x - z)^2}{2} = -\\Big(z - \\frac{x}{2}\\Big)^2 - \\frac{x^2}{4}",
                  "\\ln\\frac{\\sqrt{1/2}}{1} + \\frac{1 + (0 - 1)^2}{2\\cdot\\frac12} - \\frac12",
                  "\\mathbb{E}_\\epsilon\\big[\\epsilon\\,(x - \\mu - \\sigma\\epsilon)\\big] = (x - \\mu)\\,\\mathbb{E}[\\epsilon] - \\sigma\\,\\mathbb{E}[\\epsilon^2] = -\\sigma"],
        notes="Definitions (2): L(q) and ln p(x | z) (first links). The ELBO, the KL terms, ln p(x) = ln of the integral of p(z) p(x | z) "
              "and E_q[.] are integrals over the whole line (quadrature); the posterior used in the gap identity is p(z) p(x | z) / p(x) "
              "with p(x) integrated by sympy; derivatives are sympy.diff of the bound computed here as a polynomial expectation; the "
              "maximiser (x/2, 1/2) is sympy.solve of the gradient; the numbers use x = 2 in the same integrals; exact."),
    "gmm_em_homework.tex": dict(
        family=F["gmm"],
        style="LaTeX homework solutions (centered header with \\\\[3pt], \\paragraph problems with [pts], italic problem statements, "
              "a grading note, macros \\pd and \\N; align with \\label, \\eqref and \\nonumber, a Q function continued over rows with "
              "&\\qquad, \\dfrac inside \\frac, an evaluation bar p(c_i \\mid x_i)\\big|_{c_i = 1}, \\[...\\] chains with \\qquad, tuples, "
              "\\approx after chains, natural \\log): a two-component mixture with common variance; the responsibility as a logistic "
              "function S of a log-odds linear in x_i; S(-a) = 1 - S(a); the expected complete-data log-likelihood Q; the gradient of "
              "the observed log-likelihood; M-step derivatives for the weight, the mean (with the second derivative) and the variance, "
              "and the updates; one EM iteration for x = (0, 1, 3, 4) from (1/2, 1, 3, 1): a = 4 - 2x_i, gamma = S(4), S(2), S(-2), "
              "S(-4), N_1 = 2, alpha = 1/2, the new means (7 - 2S(2) - 4S(4))/2 and 4 minus it, and the new variance",
        notation=["\\gamma_i &= p(c_i \\mid x_i)\\big|_{c_i = 1} = \\frac{\\alpha\\,\\phi_1(x_i)}{\\alpha\\,\\phi_1(x_i) + (1 - \\alpha)\\,\\phi_2(x_i)} \\nonumber\\\\",
                  "&= \\frac{1}{1 + \\dfrac{(1 - \\alpha)\\,\\phi_2(x_i)}{\\alpha\\,\\phi_1(x_i)}} = \\frac{1}{1 + e^{-a_i}} = S(a_i), \\label{eq:resp}",
                  "&\\qquad - \\frac{1}{2\\sigma^2}\\sum_{i=1}^{n}\\bigl[\\gamma_i(x_i - \\mu_1)^2 + (1 - \\gamma_i)(x_i - \\mu_2)^2\\bigr]. \\nonumber",
                  "= \\frac{N_1}{\\alpha} - \\frac{n - N_1}{1 - \\alpha} = \\frac{N_1 - n\\alpha}{\\alpha(1 - \\alpha)},",
                  "N_1 = S(4) + S(2) + S(-2) + S(-4) = S(4) + S(2) + 1 - S(2) + 1 - S(4) = 2,",
                  "= \\frac12\\sum_{i=1}^{4}\\gamma_i(x_i - \\hat\\mu_1)^2 = \\frac{25 - 8S(2) - 16S(4)}{2} - \\hat\\mu_1^2 \\approx 0.691 ."],
        notes="Definitions (2): gamma_i (Bayes' rule) and Q(theta) (first links). The model statements are checked for n = 1..4 points with "
              "the responsibilities as free numbers in (0.05, 0.95); derivatives are sympy.diff of Q (logs of the normal densities "
              "expanded), the updates are sympy.solve of the derivatives set to zero (the variance at the new means); the responsibility "
              "and the log-odds are computed from the densities; the example computes the responsibilities by Bayes' rule at the stated "
              "parameters and substitutes them into the same solutions; exact (S(4), S(2) kept symbolic)."),
    "gmm_em_study_notes.md": dict(
        family=F["gmm"],
        style="Markdown study-group notes (a title, an italic attendance line, --- rules, ## parts with the name of who presented, check "
              "marks, bold step names, single-line $$...$$ displays, \\operatorname{sigmoid}, \\mathcal{N}(x_i \\mid \\mu, \\sigma^2), "
              "pi as the mixing weight next to the number pi in ln(2 pi sigma^2), \\sum_i without bounds, a slash fraction 3/2 in a "
              "denominator, an open question): a mixture with separate variances; the responsibility as sigmoid(eta_i) with the "
              "log-odds quadratic in x_i; Q; the derivatives in pi, mu_1 and sigma_1^2 and the updates for both components; one "
              "iteration for x = (-2, 0, 2) from (1/2, -1, 1, 1, 1): eta = -2x_i, r = (sigmoid 4, 1/2, sigmoid(-4)), N_1 = 3/2, "
              "r_1 - r_3 = tanh 2, the means -+(4/3) tanh 2, the variance 8/3 - (16/9) tanh^2 2; the observed log-likelihood at the start",
        notation=["\\eta_i = \\ln\\frac{\\pi\\,\\mathcal{N}(x_i \\mid \\mu_1, \\sigma_1^2)}{(1 - \\pi)\\,\\mathcal{N}(x_i \\mid \\mu_2, \\sigma_2^2)}",
                  "Q = \\sum_{i=1}^{n} r_i\\Big[\\ln\\pi - \\tfrac12\\ln(2\\pi\\sigma_1^2) - \\frac{(x_i - \\mu_1)^2}{2\\sigma_1^2}\\Big]",
                  "\\hat\\mu_1 = \\frac{\\sum_i r_i x_i}{\\sum_i r_i}, \\qquad \\hat\\mu_2 = \\frac{\\sum_i (1 - r_i)x_i}{\\sum_i (1 - r_i)}",
                  "r_1 - r_3 = \\frac{1}{1 + e^{-4}} - \\frac{1}{1 + e^{4}} = \\frac{e^{4} - 1}{e^{4} + 1} = \\tanh 2",
                  "\\hat\\mu_1 = \\frac{-2r_1 + 0\\cdot r_2 + 2r_3}{3/2} = -\\frac43(r_1 - r_3) = -\\frac43\\tanh 2",
                  "\\ln\\varphi(1) + 2\\ln\\Big[\\tfrac12\\big(\\varphi(1) + \\varphi(3)\\big)\\Big]"],
        notes="Definitions (4): r_i, eta_i, sigmoid, Q (first links). The general statements are checked for n = 1..4 points with free "
              "responsibilities in (0.05, 0.95); derivatives are sympy.diff of Q (logs expanded) and the updates sympy.solve of them; "
              "the example computes r_i by Bayes' rule at the stated parameters and substitutes them into the same solutions; the "
              "log-likelihood is the sum of the logs of the mixture densities; exact."),
    "activations_cheatsheet.md": dict(
        family=F["act"],
        style="Markdown cheat sheet (YAML front matter with title/course/version/tags, numbered ## sections, bullet items with bold "
              "names and displays indented inside the list items, a display on the same line as its text, several chains in one "
              "display separated by \\qquad, \\operatorname{SiLU}, \\operatorname{GELU}, \\operatorname{Mish}, \\operatorname{swish}_\\beta, "
              "\\operatorname{sech}, primes on named functions, \\lim_{x\\to 0^-}, \\sqrt{2/\\pi}, bold 'Common mistakes', natural \\ln): "
              "sigma'; softplus zeta' = sigma, zeta'', zeta(x) - zeta(-x) = x, values at 0; swish' in its own terms, swish_beta as a "
              "rescaled SiLU; SiLU' and SiLU'', values at 0 and at ln 3; GELU' = Phi + x phi, GELU'' = phi(2 - x^2), phi' = -x phi, "
              "values at 0, GELU(1) - GELU(-1) = 1; tanh(zeta(x)) as a rational function of e^x, Mish', Mish'(0) = 3/5; the ELU's "
              "smooth piece and its left derivative at 0",
        notation=["f'(x) = \\sigma(\\beta x) + \\beta x\\,\\sigma(\\beta x)\\big(1 - \\sigma(\\beta x)\\big) = \\beta f(x) + \\sigma(\\beta x)\\big(1 - \\beta f(x)\\big)",
                  "\\operatorname{swish}_\\beta(x) = \\frac{1}{\\beta}\\operatorname{SiLU}(\\beta x)",
                  "\\operatorname{SiLU}''(0) = \\tfrac12\\cdot\\tfrac12\\cdot 2 = \\tfrac12",
                  "\\operatorname{GELU}''(x) = 2\\varphi(x) + x\\varphi'(x) = \\varphi(x)(2 - x^2)",
                  "\\operatorname{Mish}'(0) = \\tanh(\\ln 2) = \\frac{e^{2\\ln 2} - 1}{e^{2\\ln 2} + 1} = \\frac{4 - 1}{4 + 1} = \\frac35",
                  "\\lim_{x\\to 0^-}f'(x) = \\alpha e^{0} = \\alpha"],
        notes="No definitions: every link is an identity. Derivatives are sympy.diff of the activation written from its definition "
              "(sigma, zeta = ln(1 + e^x), x sigma(beta x), x Phi(x) with Phi = (1 + erf(x/sqrt 2))/2, x tanh(zeta(x)), alpha(e^x - 1)); "
              "x is sampled in [-1.5, 1.5] and, for the ELU piece, in [-1.5, -0.05]; the one-sided limit is sympy.limit; exact values "
              "at 0, ln 2 and ln 3."),
    "activations_handout.tex": dict(
        family=F["act"],
        style="LaTeX tutorial handout (\\maketitle with a week as date, \\DeclareMathOperator for \\sech, \\erf, \\SiLU, \\GELU, \\Mish, "
              "\\section per activation, equation with two chains separated by \\qquad, an align chain of four rows with \\label on a "
              "middle row and \\nonumber, \\[...\\] chains, an align* of two chains in \\nonumber rows, x^* for a numerically found "
              "point, \\dfrac in prose, \\medskip exercise, natural \\log): softplus in stable and -log sigma(-x) forms, zeta', zeta''; "
              "SiLU' by the product rule in four forms, SiLU'', the minimum value SiLU(x^*) = x^* + 1 at the root of SiLU'; the "
              "gradient of swish in beta; GELU via erf, GELU', GELU(x) - GELU(-x) = x, GELU'(1), the smallest slope GELU'(-sqrt 2); "
              "tanh(zeta(x)) rational in e^x, Mish' in its own terms, Mish and Mish' at log 3 (15/17 log 3, 15/17 + 48/289 log 3); "
              "the ELU at -log 2",
        notation=["\\zeta(x) = -\\log\\frac{1}{1 + e^{x}} = -\\log\\sigma(-x)",
                  "&= \\SiLU(x) + \\sigma(x)\\bigl(1 - \\SiLU(x)\\bigr), \\nonumber",
                  "\\SiLU(x^*) = x^*\\sigma(x^*) = x^*\\Bigl(1 + \\frac{1}{x^*}\\Bigr) = x^* + 1 \\approx -0.2785",
                  "\\GELU(x) = x\\,\\Phi(x) = \\frac{x}{2}\\Bigl(1 + \\erf\\Bigl(\\frac{x}{\\sqrt2}\\Bigr)\\Bigr)",
                  "= \\frac{\\Mish(x)}{x} + x\\,\\sigma(x)\\Bigl(1 - \\frac{\\Mish(x)^2}{x^2}\\Bigr).",
                  "\\Mish'(\\log 3) &= \\frac{15}{17} + \\log 3\\,\\Bigl(1 - \\frac{225}{289}\\Bigr)\\frac34 = \\frac{15}{17} + \\frac{48}{289}\\log 3"],
        notes="Definitions (1): GELU(x) = x Phi(x) (first link). Derivatives are sympy.diff of the activations written from their "
              "definitions; x^* is the root of SiLU'(x) found by mpmath.findroot at 60 digits (|SiLU'(x^*)| < 1e-45) and carried as a "
              "60-digit number; that -sqrt 2 minimises GELU' is checked by sympy.solve of GELU'' = 0 and the sign of GELU'''; exact "
              "values at 1, -sqrt 2, log 3 and -log 2."),
    "robust_loss_exam.tex": dict(
        family=F["rob"],
        style="LaTeX exam model solutions (centered header with \\\\[2pt], \\section* questions with a \\pts macro and \\hfill, italic "
              "question texts, \\DeclareMathOperator{\\sech}; equation with \\tag{1.1}-style tags and \\label/\\eqref, cases "
              "environments as whole expressions, one-sided limits \\lim_{r\\to\\delta^-}, \\max/\\min, \\operatorname{sign}, an "
              "indicator \\mathbb{1}[|r| < \\delta], m_{\\text{new}}, slash fractions inside \\frac, \\tfrac, natural \\log): the Huber "
              "loss and its continuity at delta, psi = clip, rho''; the loss of four residuals (17/4); one gradient step for a location "
              "from m_0 = 2 on (0, 1, 2, 10) (L'(m_0) = 1, m_1 = 3/2) and the squared-loss slope -5; the IRLS weight min(1, delta/|r|) "
              "and one IRLS update (34/21); log-cosh: tanh, sech^2 = 1 - tanh^2, the exact large-r form, values at log 2; pseudo-Huber: "
              "L', L'' = (1 + (r/delta)^2)^{-3/2}, values at r = 3/4",
        notation=["\\rho_\\delta(r) = \\begin{cases} \\tfrac12 r^2, & |r| \\le \\delta,\\\\ \\delta\\bigl(|r| - \\tfrac12\\delta\\bigr), & |r| > \\delta. \\end{cases}",
                  "\\lim_{r\\to\\delta^-}\\rho_\\delta(r) = \\tfrac12\\delta^2 = \\delta\\bigl(\\delta - \\tfrac12\\delta\\bigr) = \\lim_{r\\to\\delta^+}\\rho_\\delta(r). \\tag{1.2}",
                  "= \\max\\bigl(-\\delta, \\min(\\delta, r)\\bigr), \\tag{1.3}\\label{eq:psi}",
                  "\\rho_\\delta''(r) = \\mathbb{1}[|r| < \\delta] \\qquad (r \\neq \\pm\\delta).",
                  "= \\frac{17/4}{21/8} = \\frac{34}{21}. \\tag{3.2}",
                  "L_\\delta'(r) = \\delta^2\\cdot\\frac{2r/\\delta^2}{2\\sqrt{1 + (r/\\delta)^2}} = \\frac{r}{\\sqrt{1 + (r/\\delta)^2}}, \\qquad"],
        notes="Definitions (5): rho_delta, psi_delta, m_1, w(r), m_new (first links). The Huber loss is a sympy.Piecewise; psi, rho'' "
              "and w are sympy.diff of it (r sampled in [-3, 3], delta in [0.5, 2], both pieces reached); the one-sided limits are "
              "sympy.Limit evaluated at the sampled delta; the gradient step differentiates the written L(m); the IRLS weights at the "
              "residuals are psi(r)/r (w(0) as a limit) and m_new is sympy.solve of the weighted estimating equation; log-cosh and "
              "pseudo-Huber derivatives are sympy.diff; exact."),
    "robust_loss_notebook.md": dict(
        family=F["rob"],
        style="Markdown notebook export (an italic export line, ### sections, In [n]/Out [n] Python code cells with the real printed "
              "outputs of plain-Python code, code fences containing =, single-line $$...$$ displays, two and three chains in one "
              "display separated by \\qquad, slash fractions r/\\delta, r^2/\\delta^2, 4/3 inside arguments (L_1(4/3)), \\big(...\\big)^{-1/2} "
              "powers, \\operatorname{sech}, natural \\ln): pseudo-Huber: the definition, its derivative through u = r/delta, the "
              "second derivative by the product rule; values at delta = 1, r = 4/3 (2/3, 4/5, 27/125); J'(w) for a line through the "
              "origin, J(0) = 11/12, J'(0) = -11/5 and one step to 11/10; log-cosh via exponentials, tanh' = sech^2 = 1 - tanh^2, values "
              "at ln 3 (5/3, 4/5, 9/25); the Huber IRLS weight and the root 3/2 of the estimating equation for (0, 1, 2, 10)",
        notation=["\\frac{dL_\\delta}{dr} = \\delta^2\\cdot\\frac{u}{\\sqrt{1 + u^2}}\\cdot\\frac{1}{\\delta} = \\frac{\\delta u}{\\sqrt{1 + u^2}} = \\frac{r}{\\sqrt{1 + (r/\\delta)^2}}",
                  "\\frac{d}{dr}\\Big[r\\big(1 + r^2/\\delta^2\\big)^{-1/2}\\Big]",
                  "L_1'(4/3) = \\frac{4/3}{5/3} = \\frac45, \\qquad L_1''(4/3) = \\big(\\tfrac53\\big)^{-3} = \\tfrac{27}{125}",
                  "J'(w) = -\\sum_{i=1}^{n} x_i\\,L_1'(y_i - wx_i)",
                  "\\tanh(\\ln 3) = \\frac{3 - \\frac13}{3 + \\frac13} = \\frac45",
                  "\\sum_{i=1}^{4}\\psi\\big(x_i - \\tfrac32\\big) = -1 - \\tfrac12 + \\tfrac12 + 1 = 0"],
        notes="Definitions (3): L_delta(r), w_1, w(r) (first links). Derivatives are sympy.diff of the written losses (r in [-3, 3], "
              "delta in [0.5, 2]); J'(w) is checked for n = 1..3 points; the step uses the derivative of the written J at w = 0; that 3/2 "
              "solves the Huber estimating equation (and that the equation changes sign there) is checked exactly; the code cells "
              "were run and their outputs pasted unchanged; they are not links."),
    "maxent_appendix.tex": dict(
        family=F["maxent"],
        style="LaTeX paper appendix (\\appendix with a \\section, amsthm lemma with \\label and \\ref and a proof, macros \\E and \\Var, "
              "numbered equation/align with \\label, \\eqref and \\nonumber, \\dfrac inside the lemma, \\[...\\] chains, a derivative "
              "evaluated with \\Big|_{\\lambda = \\log 2} and \\bigg|, tuples with \\Bigl( \\Bigr), \\tfrac, \\approx after a chain, natural "
              "\\log): the Lagrangian of maximum entropy with normalisation and mean-energy constraints; dL/dp_i and d^2L/dp_i^2; "
              "e^{1 + alpha} = Z; the Gibbs distribution; Lemma: d log Z/d lambda = -E_p[E] and d^2 log Z/d lambda^2 = Var_p(E), with "
              "dp_j/d lambda; the entropy at the optimum lambda U + log Z and dH/d lambda = -lambda Var_p(E); a three-state example "
              "E = (0, 1, 2), lambda = log 2: Z = 7/4, p = (4/7, 2/7, 1/7), U = 4/7, Var = 26/49, the derivative check, H = log 7 - "
              "(10/7) log 2 two ways",
        notation=["e^{1 + \\alpha} = \\sum_{j=1}^{n} e^{-\\lambda E_j} = Z(\\lambda)",
                  "\\frac{d}{d\\lambda}\\log Z(\\lambda) = \\frac{1}{Z}\\sum_{j=1}^{n}(-E_j)\\,e^{-\\lambda E_j} = -\\sum_{j=1}^{n}E_j\\,p_j = -\\E_p[E]",
                  "\\frac{dp_j}{d\\lambda} = \\frac{-E_j\\,e^{-\\lambda E_j}}{Z} - \\frac{e^{-\\lambda E_j}}{Z^2}\\,\\frac{dZ}{d\\lambda} = p_j\\bigl(\\E_p[E] - E_j\\bigr)",
                  "= -\\sum_{j=1}^{n}E_j\\,p_j\\bigl(\\E_p[E] - E_j\\bigr) \\nonumber\\\\",
                  "\\frac{dH}{d\\lambda} = U + \\lambda\\frac{dU}{d\\lambda} - U = \\lambda\\frac{dU}{d\\lambda} = -\\lambda\\Var_p(E)",
                  "\\frac{d}{d\\lambda}\\log Z\\Big|_{\\lambda = \\log 2}"],
        notes="Definitions (2): the Lagrangian and Z(lambda) (first links). Statements are checked for n = 1..4 states and every index; "
              "derivatives are sympy.diff of the written Lagrangian, of log Z and of the Gibbs probabilities; the maximiser p_i is "
              "sympy.solve of dL/dp_i = 0 with alpha from sympy.solve of the normalisation; H, U and Var_p(E) are computed from the Gibbs "
              "distribution (U(lambda) = sum E_j p_j); the example substitutes E = (0, 1, 2), lambda = log 2; exact."),
    "softmax_maxent_forum.md": dict(
        family=F["maxent"],
        style="Markdown forum thread (a title with inline math, an asker line with tags, a blockquoted question with a display inside "
              "the quote, an accepted answer with bold run-in headings, comments in a list with a display inside a list item, a second "
              "answer with a Python code fence containing =, single-line $$...$$ displays with two chains separated by \\qquad, "
              "\\sum_i and \\sum_j without bounds, \\delta_{ik}, \\operatorname{diag}(p) - pp^\\top, 3 x 3 pmatrix literals with "
              "fractions, \\mathbb{E}_p, \\operatorname{Var}_p, natural \\ln): softmax with temperature; the Lagrangian with multipliers "
              "beta and nu, its derivatives, the maximiser, the maximal entropy ln Z - beta E[z]; log-sum-exp: gradient softmax, Hessian "
              "p_i(delta_ik - p_k), the quadratic form as a variance, zero row sums; d/d beta ln Z = E_p[z] and the variance; an "
              "example z = (0, ln 2, ln 3): Z = 6, p = (1/6, 1/3, 1/2), E_p[z], H, the 3 x 3 Jacobian, Var_p(z); the quotient-rule step; "
              "the cross-entropy gradient p_i - delta_iy",
        notation=["p_i = e^{\\nu - 1}e^{\\beta z_i} = \\frac{e^{\\beta z_i}}{\\sum_j e^{\\beta z_j}}",
                  "\\frac{\\partial^2 A}{\\partial z_i\\,\\partial z_k} = \\frac{\\partial p_i}{\\partial z_k} = p_i(\\delta_{ik} - p_k) = p_i\\delta_{ik} - p_ip_k",
                  "v^\\top\\big(\\operatorname{diag}(p) - pp^\\top\\big)v = \\sum_i p_iv_i^2 - \\Big(\\sum_i p_iv_i\\Big)^2",
                  "\\sum_k p_i(\\delta_{ik} - p_k) = p_i - p_i\\sum_k p_k = 0",
                  "\\frac{1}{36}\\begin{pmatrix} 5 & -2 & -3\\\\ -2 & 8 & -6\\\\ -3 & -6 & 9 \\end{pmatrix}",
                  "\\frac{\\partial}{\\partial z_i}\\big(-\\ln p_y\\big) = \\frac{\\partial A}{\\partial z_i} - \\delta_{iy} = p_i - \\delta_{iy}"],
        notes="Definitions (2): p_i (softmax with temperature) and Lambda(p, nu) (first links). Statements are checked for n = 1..4 logits "
              "(1..3 for the Hessian, the quotient rule and the cross-entropy, every pair (i, k) and label y); derivatives are sympy.diff "
              "of the written Lagrangian, log-sum-exp, ln Z(beta) and softmax; the maximiser is sympy.solve of the stationarity condition "
              "with nu from sympy.solve of the normalisation; the quadratic form is a Matrix product; the example is exact."),
    "gamma_mle_problem_set.tex": dict(
        family=F["gamma"],
        style="LaTeX problem-set solutions (a header line with \\hfill and \\hrule, \\subsection* per problem, macros \\E, \\Var, \\sumi "
              "(a sum whose bounds live in the macro), \\xbar; align with \\label, \\eqref and \\nonumber rows, an evaluation bracket "
              "\\Bigl[-x^{k}e^{-x}\\Bigr]_0^\\infty, integrals over (0, oo), \\Gamma and the digamma \\psi and \\psi', a profile likelihood "
              "\\ell_p, \\tilde k and \\tilde\\theta, slash fractions inside \\frac, natural \\log): the Gamma(k, theta) density; "
              "Gamma(k + 1) = k Gamma(k) by parts; E[X] = k theta and E[X^2] = (k + 1)k theta^2 via the recurrence; Var(X) = k theta^2; "
              "the mgf (1 - theta t)^{-k} by substitution, M'(0), M''(0); the log-likelihood, the score in theta and theta-hat = xbar/k; "
              "the profile log-likelihood and its derivative with psi, its second derivative; method of moments for x = (1, 2, 3, 6): "
              "xbar = 3, s^2 = 7/2, theta~ = 7/6, k~ = 18/7, and the mean of the logs",
        notation=["= \\Bigl[-x^{k}e^{-x}\\Bigr]_0^\\infty + k\\int_0^\\infty x^{k-1}e^{-x}\\,dx \\nonumber\\\\",
                  "= \\frac{\\Gamma(k + 1)\\,\\theta^{k+1}}{\\Gamma(k)\\,\\theta^{k}} = k\\theta, \\label{eq:mean}\\\\",
                  "&= \\frac{1}{\\Gamma(k)\\,\\theta^{k}}\\cdot\\Gamma(k)\\Bigl(\\frac{\\theta}{1 - \\theta t}\\Bigr)^{k} = (1 - \\theta t)^{-k}. \\label{eq:mgf}",
                  "\\ell_p(k) = \\ell\\bigl(k, \\hat\\theta(k)\\bigr) = (k - 1)\\sumi\\log x_i - nk - n\\log\\Gamma(k) - nk\\log\\frac{\\xbar}{k}",
                  "\\ell_p'(k) &= \\sumi\\log x_i - n - n\\psi(k) - n\\log\\frac{\\xbar}{k} + n \\nonumber\\\\",
                  "\\tilde k = \\frac{\\xbar^2}{s^2} = \\frac{9}{7/2} = \\frac{18}{7}."],
        notes="Definitions (5): f(x; k, theta), E[X] as an integral, M(t), l(k, theta), l_p(k) (first links). Moments, the mgf and "
              "M'(0), M''(0) are integrals over (0, oo) against the density (quadrature; k in [1, 3], theta in [0.5, 1.5], t in [-1, 0.3]), "
              "the derivatives of M differentiated under the integral sign; the evaluation bracket is a difference of two sympy.Limit; "
              "the likelihood statements are checked for n = 1..4 observations: the score and the profile derivatives are sympy.diff, "
              "theta-hat is sympy.solve of the score, psi is sympy.polygamma(0, k); the method-of-moments values are sympy.solve of "
              "k theta = xbar, k theta^2 = s^2; exact."),
    "gamma_course_page.md": dict(
        family=F["gamma"],
        style="Markdown course web page (YAML front matter with layout/title/course/permalink/math, reading and lab lines with bold "
              "labels, ## numbered sections, single-line $$...$$ displays, two chains in one display separated by \\qquad, f(x \\mid k, "
              "\\theta), \\mathbb{E}[X^r] with a real r, \\operatorname{Var}, the cumulant generating function K(t) with primes K'(t), "
              "K''(0), K'''(0), a power K''(0)^{3/2}, \\gamma_1 for the skewness, \\mathcal{I}(k, \\theta) as a 2 x 2 pmatrix with slash "
              "fractions 1/\\theta, k/\\theta^2, \\bar x, \\tilde k\\,\\tilde\\theta, a display on the same line as its text, natural \\ln): "
              "the density and its normalisation by substitution; E[X^r] = theta^r Gamma(k + r)/Gamma(k); Gamma(k + 2) by the "
              "recurrence; E[X], E[X^2], Var(X); the mgf and K(t) = -k ln(1 - theta t), K', K'', the cumulants at 0; the skewness 2/sqrt k; "
              "the log-likelihood, both scores with psi, theta-hat = xbar/k; the Fisher information matrix; method of moments for "
              "x = (2, 4, 4, 6): xbar = 4, s^2 = 2, k~ = 8, theta~ = 1/2",
        notation=["\\int_0^\\infty x^{k-1}e^{-x/\\theta}\\,dx = \\theta^{k}\\int_0^\\infty u^{k-1}e^{-u}\\,du = \\theta^{k}\\,\\Gamma(k)",
                  "\\frac{\\theta^{k+r}\\,\\Gamma(k + r)}{\\Gamma(k)\\,\\theta^{k}} = \\theta^{r}\\,\\frac{\\Gamma(k + r)}{\\Gamma(k)}",
                  "\\operatorname{Var}(X) = \\mathbb{E}[X^2] - \\big(\\mathbb{E}[X]\\big)^2 = k(k + 1)\\theta^2 - (k\\theta)^2 = k\\theta^2",
                  "\\gamma_1 = \\frac{K'''(0)}{K''(0)^{3/2}} = \\frac{2k\\theta^3}{(k\\theta^2)^{3/2}} = \\frac{2}{\\sqrt{k}}",
                  "\\frac{\\partial\\ell}{\\partial k} = \\sum_{i=1}^{n}\\ln x_i - n\\psi(k) - n\\ln\\theta",
                  "-\\begin{pmatrix} -\\psi'(k) & -1/\\theta\\\\ -1/\\theta & k/\\theta^2 - 2\\,\\mathbb{E}[X]/\\theta^3 \\end{pmatrix}"],
        notes="Definitions (4): f(x | k, theta), M(t), K(t), l(k, theta) (first links). Moments, the mgf, K' = M'/M and K'' = M''/M - "
              "(M'/M)^2 are integrals over (0, oo) against the density (quadrature; k in [1, 3], theta in [0.5, 1.5], r in [0.5, 3], "
              "t in [-1, 0.3]); the skewness is the third central moment over Var^{3/2}, both integrals; the Fisher information is minus "
              "the integral of sympy.hessian of ln f against f; the scores are sympy.diff of the log-likelihood for n = 1..4 and "
              "theta-hat is sympy.solve; the method-of-moments values are sympy.solve of the two moment equations; exact."),
}


def _analyse(job):
    """Worker: check one correct document and its planted copy (documents are rebuilt in the worker)."""
    name, symbolic = job
    d = [x for x in all_docs() if x.file == name][0]
    r = analyse_correct(d, symbolic)
    p = analyse_planted(d, symbolic) if d.planted else None
    return name, r, p


def main(argv):
    symbolic = "--fast" not in argv
    jobs = 1
    for a in argv:
        if a.startswith("--jobs="):
            jobs = int(a.split("=", 1)[1])
    docs = all_docs()
    assert len(docs) == 12 and set(d.file for d in docs) == set(META)
    for d in docs:  # every notation sample is verbatim text of its document
        for s in META[d.file]["notation"]:
            assert s in read(d.file), (d.file, s)
    # 1. planted copies
    for d in docs:
        if d.planted:
            text, line = apply_edit(read(d.file), d.planted["old"], d.planted["new"])
            with open(os.path.join(CORPUS, planted_name(d.file)), "w", encoding="utf-8") as f:
                f.write(text)
    # 2. check everything and build the manifest
    manifest = []
    problems = 0
    work = [(d.file, symbolic) for d in docs]
    if jobs > 1:
        import multiprocessing
        with multiprocessing.Pool(jobs) as pool:
            done = {name: (r, p) for name, r, p in pool.imap_unordered(_analyse, work)}
    else:
        done = {name: (r, p) for name, r, p in map(_analyse, work)}
    for d in docs:
        m = META[d.file]
        r = done[d.file][0]
        fails = [x for x in r["results"] if not x["holds"]]
        nsym = sum(x["symbolic"] for x in r["results"])
        if fails:
            problems += 1
            print("FAIL", d.file, fails)
        entry = dict(file=d.file, kind="correct", style=m["style"], family=m["family"], notation=m["notation"],
                     links=r["links"], definitions=r["definitions"],
                     verified="sympy: every link holds (numerically at 30 digits, at 4 random points in every context; "
                              "%d of %d links also proved exactly by simplify in the first and last context)" % (nsym, r["links"]),
                     notes=m["notes"])
        manifest.append(entry)
        print("correct %-34s %3d links" % (d.file, r["links"]))
        if d.planted:
            p = done[d.file][1]
            if not p["ok"]:
                problems += 1
                print("FAIL planted", p["file"], p["failing"], p["expected"])
            pl = d.planted
            old_line = read(d.file).split("\n")[p["line"] - 1]
            new_line = p["text"].split("\n")[p["line"] - 1]
            assert old_line.replace(pl["old"], pl["new"]) == new_line
            right_anchor = [c for c in d.chains if c.label == pl["chain"]][0].items[pl["index"]][0]
            entry = dict(file=p["file"], kind="planted", style=m["style"], family=m["family"], notation=m["notation"],
                         links=p["links"], definitions=p["definitions"], copy_of=d.file,
                         failing_links=len(p["failing"]),
                         planted=dict(line=p["line"], wrong=pl["wrong"][0], right=right_anchor, what=pl["what"],
                                      expression_lines=p["expression_lines"]),
                         verified="sympy: the %d link(s) touching the wrong expression fail (refuted numerically), all other links hold"
                                  % len(p["failing"]),
                         notes=m["notes"])
            manifest.append(entry)
            print("planted %-34s %3d links, %d failing, line %d" % (p["file"], p["links"], len(p["failing"]), p["line"]))
    manifest.sort(key=lambda e: e["file"])
    with open(os.path.join(CORPUS, "MANIFEST.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2, ensure_ascii=False)
        f.write("\n")
    nc = [e for e in manifest if e["kind"] == "correct"]
    npl = [e for e in manifest if e["kind"] == "planted"]
    print("%d correct (%d links, %d definitions), %d planted (%d links, %d failing)"
          % (len(nc), sum(e["links"] for e in nc), sum(e["definitions"] for e in nc),
             len(npl), sum(e["links"] for e in npl), sum(e["failing_links"] for e in npl)))
    print("PROBLEMS: %d" % problems if problems else "all checks passed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
