#!/usr/bin/env python3
"""Write the planted copies and MANIFEST.json of corpus_ml9.

Each planted copy is its source document with the single recorded edit (see the
with_plant(...) calls in encodings_a.py / encodings_b.py); the edit must match exactly once
and change exactly one line. Then every document is checked (verify.py's analysis) and the
manifest is written from the results. Run this only after fixing a real mistake in the corpus.

  python gen.py [--fast]
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from verify import (CORPUS, all_docs, analyse_correct, analyse_planted,  # noqa: E402
                    apply_edit, planted_name, read)

F = {
    "expfam": "exponential_families_and_glms",
    "gammabeta": "gamma_and_beta_distributions",
    "bptt": "backpropagation_through_time_scalar_rnn",
    "implicit": "implicit_differentiation_and_related_rates",
    "hyper": "hyperbolic_and_inverse_hyperbolic_functions",
    "maxent": "maximum_entropy_softmax_log_sum_exp",
}

META = {
    "exponential_family_glm_lecture.tex": dict(
        family=F["expfam"],
        style="LaTeX lecture (scribe) notes (\\maketitle with \\\\[2pt] in the title, amsthm example/remark environments, "
              "numbered equation/align with \\label, \\nonumber and \\eqref, \\log): canonical form p(y | eta) = h(y) "
              "exp(eta y - A(eta)); Bernoulli rewritten as an exponential, A(eta) = log(1 + e^eta), A' = mu and A'' = "
              "mu(1 - mu) via the quotient rule; Poisson A = e^eta; Gaussian with known variance, A = sigma^2 eta^2 / 2; "
              "the logit as canonical link, g(A'(eta)) = eta; logistic regression log-likelihood with sum_{i=1}^n, its "
              "gradient by the chain rule and its Hessian with x_ij x_ik; a two-point example with \\Big|_{\\beta=0} and one "
              "Newton step",
        notation=["p(y \\mid \\eta) = h(y)\\exp\\bigl(\\eta\\,y - A(\\eta)\\bigr)",
                  "\\exp\\Bigl(y\\log\\frac{\\mu}{1 - \\mu} + \\log(1 - \\mu)\\Bigr)",
                  "\\frac{e^{\\eta}(1 + e^{\\eta}) - e^{\\eta}\\,e^{\\eta}}{(1 + e^{\\eta})^2}",
                  "\\log\\frac{e^{\\eta}/(1 + e^{\\eta})}{1/(1 + e^{\\eta})}",
                  "\\sum_{i=1}^{n}\\bigl(y_i - A'(\\eta_i)\\bigr)\\frac{\\partial \\eta_i}{\\partial \\beta_j}",
                  "-\\sum_{i=1}^{n} \\mu_i(1 - \\mu_i)\\,x_{ij}\\,x_{ik}"],
        notes="Definitions (7): the canonical form p(y | eta), the Bernoulli, Poisson and Gaussian p(y | .), A(eta) read off "
              "for the Bernoulli and the Gaussian, ell(beta). 0 < mu < 1, lambda > 0, sigma^2 > 0 (stated); the Bernoulli and "
              "Gaussian rewrites hold for every real y and are checked so, the Poisson one at integer y; mu = e^eta/(1 + e^eta) "
              "in the Bernoulli displays, mu = sigma^2 eta and lambda = e^eta where the text says so; logistic regression for "
              "n = 1..3 observations, p = 1..2 coefficients and every j, k; beta_new = beta - ell''(beta)^{-1} ell'(beta) is "
              "stated inline, so the Newton display is an identity. Numbers: x = (1, 2), y = (1, 0), beta = 0."),
    "log_partition_mean_blog.md": dict(
        family=F["expfam"],
        style="Markdown blog post (YAML front matter, math: katex, ## sections, \\ln): A(eta) = ln sum_y h(y) e^{eta y}; A' "
              "= E[Y] and A'' = Var(Y) by differentiating under the sum (\\begin{align*} in Markdown, four links each); "
              "Poisson check with the exponential series; Gaussian check with ln of an integral over the real line; "
              "logit and log as canonical links; Poisson regression ell, ell', ell'' in one align* (three chains); numbers "
              "x = (1, 2), y = (0, 3) and a Newton step; NumPy code fence with '='",
        notation=["A(\\eta) = \\ln \\sum_{y} h(y)\\,e^{\\eta y}", "\\sum_{y} y\\,h(y)\\,e^{\\eta y - A(\\eta)}",
                  "\\sum_{y} y^2\\,p(y \\mid \\eta) - A'(\\eta)\\sum_{y} y\\,p(y \\mid \\eta)",
                  "\\ln \\sum_{y=0}^{\\infty} \\frac{e^{\\eta y}}{y!}",
                  "\\ln \\int_{-\\infty}^{\\infty} \\frac{e^{-y^2/(2\\sigma^2)}}{\\sqrt{2\\pi\\sigma^2}}\\,e^{\\eta y}\\,dy",
                  "\\beta_0 - \\frac{\\ell'(\\beta_0)}{\\ell''(\\beta_0)}"],
        notes="Definitions (3): A(eta), ell(beta), beta_1. The general sums over y are checked on three families "
              "(Bernoulli on {0, 1}, Binomial(3) with h = C(3, y), Poisson with h = 1/y! as an infinite series summed term by "
              "term) against their known means and variances; the Gaussian integral by quadrature; sigma^2 > 0; Poisson "
              "regression for n = 1..4 with integer counts y_i. Numbers: x = (1, 2), y = (0, 3), beta_0 = 0."),
    "gamma_beta_exam_solutions.tex": dict(
        family=F["gammabeta"],
        style="LaTeX exam model solutions (\\subsection* per question with marks, \\E and \\dd macros, \\operatorname{B}, a "
              "\\\\[4pt] in the header, comments on common mistakes): Gamma(alpha + 1) = alpha Gamma(alpha) by parts with a "
              "bracketed boundary term; the Gamma(alpha, beta) density; E[X] = alpha/beta in one align*; the exponential "
              "MGF as an integral, its derivatives and the moments at t = 0; the Gamma MGF's derivative by the chain rule; "
              "log-likelihood of the rate with known shape, score, second derivative, MLE alpha/x-bar and numbers; the Beta "
              "mean through B(a + 1, b)/B(a, b); the Beta-Bernoulli kernel and posterior mean as a weighted average; numbers",
        notation=["\\Bigl[-x^{\\alpha}e^{-x}\\Bigr]_0^\\infty + \\alpha\\int_0^\\infty x^{\\alpha-1}e^{-x}\\,\\dd x",
                  "\\frac{\\beta^{\\alpha}}{\\Gamma(\\alpha)}\\cdot\\frac{\\Gamma(\\alpha + 1)}{\\beta^{\\alpha + 1}}",
                  "\\lambda\\int_0^\\infty e^{-(\\lambda - t)x}\\,\\dd x",
                  "n\\alpha\\log\\beta - n\\log\\Gamma(\\alpha) + (\\alpha - 1)\\sum_{i=1}^{n}\\log x_i - \\beta\\sum_{i=1}^{n}x_i",
                  "\\frac{\\Gamma(a + 1)\\,\\Gamma(b)}{\\Gamma(a + b + 1)}\\cdot\\frac{\\Gamma(a + b)}{\\Gamma(a)\\,\\Gamma(b)}",
                  "\\frac{a + b}{a + b + n}\\cdot\\frac{a}{a + b} + \\frac{n}{a + b + n}\\cdot\\frac{k}{n}"],
        notes="Definitions (4): f(x), M_X(t), ell(beta), beta-hat. alpha, beta, a, b > 0, t < lambda, x_i > 0 (stated); "
              "integrals evaluated by quadrature, expectations as integrals against the stated density, the posterior mean "
              "as a ratio of integrals; the log-likelihood for n = 1..4; the Beta-Bernoulli displays for (n, k) = (10, 7), "
              "(3, 0), (5, 2), (1, 1). Numbers: alpha = 3 with data 2, 4, 1, 5; a = b = 2, n = 10, k = 7."),
    "gamma_beta_study_group.md": dict(
        family=F["gammabeta"],
        style="Markdown study-group notes (italic header, --- rule, ### numbered sections, a numbered list of facts with "
              "inline \\dfrac, \\ln, scipy code fence with '='): Gamma(alpha + 2) by the recursion twice; all moments "
              "E[X^r] = Gamma(alpha + r)/(lambda^r Gamma(alpha)) with a rate parametrisation; mean, second moment, variance; "
              "the Gamma MGF as an integral and its derivatives with negative exponents; MLE of the rate with decimals; "
              "B(a + 1, b) = a/(a + b) B(a, b); the Beta mean; the Beta-Bernoulli posterior mean as a ratio of Beta "
              "functions with \\text{data}; Laplace's rule of succession",
        notation=["\\Gamma(\\alpha + 2) = (\\alpha + 1)\\,\\Gamma(\\alpha + 1) = (\\alpha + 1)\\,\\alpha\\,\\Gamma(\\alpha)",
                  "\\frac{\\lambda^\\alpha}{\\Gamma(\\alpha)}\\cdot\\frac{\\Gamma(\\alpha + r)}{\\lambda^{\\alpha + r}}",
                  "\\frac{\\alpha^2 + \\alpha - \\alpha^2}{\\lambda^2}", "\\alpha\\lambda^{\\alpha}\\lambda^{-\\alpha - 1}",
                  "\\frac{a}{a + b}\\,\\operatorname{B}(a, b)",
                  "\\frac{\\operatorname{B}(a + k + 1,\\, b + n - k)}{\\operatorname{B}(a + k,\\, b + n - k)}"],
        notes="Definitions (2): M(t), ell(lambda). alpha, lambda, a, b > 0, t < lambda (stated); E[X^r] for r = 1, 2, 3 "
              "against the rising factorial; moments and the variance by quadrature against the density; B(a, b) as the "
              "Beta integral where it is written as a function, Gamma(a)Gamma(b)/Gamma(a + b) where fact (2) is invoked; "
              "the posterior mean as a ratio of integrals for (n, k) = (4, 3), (10, 7), (2, 0), (6, 6); lambda-hat = "
              "n alpha / sum x_i is stated inline, so the numbers display is an identity. Numbers: alpha = 2 with data "
              "0.5, 1.5, 1.0, 3.0; a = b = 1, n = 4, k = 3."),
    "bptt_scalar_rnn_appendix.tex": dict(
        family=F["bptt"],
        style="LaTeX paper appendix (\\appendix, \\section and \\subsection with \\label, references to Section 4, Table 2 and "
              "Figure 5 of the (absent) paper, numbered equation/align with \\eqref): h_t = tanh(w h_{t-1} + u x_t) and "
              "L = (h_T - y)^2/2 as definitions; tanh' = 1 - tanh^2 by the quotient rule; one-step Jacobians with an "
              "immediate derivative \\partial^{+}; the general formula with a sum over k of products over t; the forward "
              "recursion for dh_t/dw, T = 3; dL/dw expanded into three terms over two align rows; backward deltas "
              "delta_t = dL/da_t; dL/dw and dL/du as sums; the Jacobian dh_3/dh_1 (vanishing gradients)",
        notation=["\\frac{\\cosh a\\cdot\\cosh a - \\sinh a\\cdot\\sinh a}{\\cosh^2 a}",
                  "\\frac{\\partial^{+} h_t}{\\partial w} = (1 - h_t^2)\\,h_{t-1}",
                  "(h_T - y)\\sum_{k=1}^{T}\\Bigl(\\prod_{t=k+1}^{T} w\\,(1 - h_t^2)\\Bigr)(1 - h_k^2)\\,h_{k-1}",
                  "(1 - h_2^2)\\Bigl(h_1 + w\\,\\frac{d h_1}{d w}\\Bigr)",
                  "\\delta_2 = \\frac{\\partial L}{\\partial a_2} = \\delta_3\\,w\\,(1 - h_2^2)",
                  "\\frac{\\partial h_3}{\\partial h_2}\\,\\frac{\\partial h_2}{\\partial h_1}"],
        notes="Definitions (5): h_t, L, delta_3, delta_2, delta_1. h_0, x_t, y fixed reals; every h_t is encoded as the "
              "unrolled tanh expression in (w, u), every derivative by sympy.diff of the unrolled network (dL/da_t by "
              "restarting the forward pass from a free pre-activation); the general formula for T = 1, 2, 3; the one-step "
              "Jacobians with h_{t-1} and x_t as free symbols."),
    "bptt_two_step_notebook.md": dict(
        family=F["bptt"],
        style="Markdown notebook export (In [n]/Out[n] PyTorch cells with '=', ## sections): h_t = tanh(z_t), z_t = "
              "w h_{t-1} + u x_t and the loss as definitions; tanh written with exponentials and its derivative; the total "
              "derivative dz_2/dw and dl/dw, dl/du (\\begin{align*} in Markdown); backward errors e_t = dl/dh_t and dl/dw "
              "as a sum over t = 1, 2; numbers w = 0.5, u = 1, h_0 = 0, x = (1, 0.5), y = 0 with tanh(1), "
              "\\operatorname{sech}^2 and \\approx decimals",
        notation=["\\frac{(e^{z} + e^{-z})^2 - (e^{z} - e^{-z})^2}{(e^{z} + e^{-z})^2}",
                  "h_1 + w\\,(1 - h_1^2)\\,h_0", "(h_2 - y)(1 - h_2^2)\\bigl(x_2 + w\\,(1 - h_1^2)\\,x_1\\bigr)",
                  "e_1 = \\frac{\\partial \\ell}{\\partial h_1} = e_2\\,(1 - h_2^2)\\,w",
                  "0.5\\tanh(1) + 0.5", "\\tanh(z_2)\\,\\operatorname{sech}^2(z_2)\\,\\tanh(1)"],
        notes="Definitions (5): h_t, z_t, ell, e_2, e_1. Symbolic displays with free w, u, h_0, x_1, x_2, y; h_1, h_2 the "
              "unrolled tanh expressions; dl/dh_t by restarting the forward pass from a free h_t. Numbers (decimals as "
              "exact rationals): w = 0.5, u = 1, h_0 = 0, x_1 = 1, x_2 = 0.5, y = 0; every value after \\approx is prose."),
    "implicit_related_rates_worksheet.tex": dict(
        family=F["implicit"],
        style="LaTeX worksheet solutions (\\section* per problem, no indentation, units in \\text{ft/s}, \\Longrightarrow "
              "between two chains): circle x^2 + y^2 = 25 with dy/dx and d^2y/dx^2 by the quotient rule, values at (3, 4) "
              "with \\Big|_{(3,4)}, the tangent line T(x); folium x^3 + y^3 = 6xy, y' and its value at (3, 3) with "
              "\\big|_{(3,3)}; a sliding ladder (x^2 + y^2 = 100, dy/dt, the angle's rate); filling an inverted cone "
              "(V = pi h^3/12, dh/dt = 8/(9 pi))",
        notation=["\\frac{d}{dx}\\bigl(x^2 + y^2\\bigr) = 2x + 2y\\,\\frac{dy}{dx} = 0",
                  "-\\frac{y\\cdot 1 - x\\,\\frac{dy}{dx}}{y^2}", "3x^2 + 3y^2\\,y' = 6y + 6x\\,y'",
                  "\\frac{2y - x^2}{y^2 - 2x}", "-\\frac{1}{10\\cdot\\frac{8}{10}}\\cdot 2",
                  "\\frac{1}{3}\\pi\\Bigl(\\frac{h}{2}\\Bigr)^2 h"],
        notes="Definitions (5): the circle x^2 + y^2 = 25, T(x), the folium x^3 + y^3 = 6xy, the ladder's x^2 + y^2 = 100 "
              "(equations of curves, hypotheses rather than identities), V. Implicit-differentiation links are checked as "
              "identities along a parametrisation of the branch (upper semicircle; folium for s in [1.1, 2.5], which "
              "contains (3, 3) at s = 1), with dy/dx and d^2y/dx^2 from the parametrisation; related-rates relations along "
              "x(t) = c0 + c1 t + c2 t^2 and h(t) = d0 + d1 t + d2 t^2; the numbers at the stated instant (x = 6, dx/dt = 2; "
              "h = 3, dV/dt = 2), with dy/dt, dtheta/dt and dh/dt computed from y = sqrt(100 - x^2), theta = arccos(x/10) "
              "and V = pi h^3/12."),
    "implicit_differentiation_forum.md": dict(
        family=F["implicit"],
        style="Markdown forum thread (bold thread title, blockquoted question with a $$ block inside the quote, --- rules, "
              "replies by user name, follow-up questions): x^y = y^x by taking logs and differentiating, dy/dx cleared of "
              "fractions; the implicit function theorem with F(x, y) = y ln x - x ln y; the value at (2, 4) with ln 4 = "
              "2 ln 2; the ellipse's y'' = -b^4/(a^2 y^3) using the curve; the folium's second derivative at (3, 3); a cone "
              "filled at 8 ft^3/min with \\Longrightarrow and \\approx",
        notation=["\\frac{dy}{dx}\\ln x + \\frac{y}{x} = \\ln y + \\frac{x}{y}\\,\\frac{dy}{dx}",
                  "\\frac{y\\,(x\\ln y - y)}{x\\,(y\\ln x - x)}", "-\\frac{\\frac{y}{x} - \\ln y}{\\ln x - \\frac{x}{y}}",
                  "\\frac{4\\,(2\\ln 4 - 4)}{2\\,(4\\ln 2 - 2)}", "-\\frac{b^2\\,(a^2y^2 + b^2x^2)}{a^4y^3}",
                  "2x + 2y\\,(y')^2 + y^2\\,y'' = 2y' + 2y' + 2x\\,y''"],
        notes="Definitions (4): the curve x^y = y^x, F(x, y), the ellipse, V. x, y > 0 (stated); x^y = y^x on its branch "
              "x = (1 + 1/s)^s, y = (1 + 1/s)^{s+1}, s in [0.4, 3] ((2, 4) at s = 1); the ellipse x = a cos(theta), "
              "y = b sin(theta) on the upper half; the folium as in the worksheet; dy/dx and d^2y/dx^2 from the "
              "parametrisations; the log identities and F_x, F_y for free positive x, y; the cone along h(t) and at the "
              "instant h = 4, dV/dt = 8."),
    "hyperbolic_functions_textbook.tex": dict(
        family=F["hyper"],
        style="LaTeX textbook excerpt (\\setcounter{section}, definition/theorem/example environments, proof ending in "
              "\\qedhere inside align*, \\DeclareMathOperator for sech, arsinh, artanh, \\eqref): sinh and cosh by "
              "exponentials (definitions); cosh^2 - sinh^2 = 1 by squaring; derivatives of sinh, cosh, tanh (quotient "
              "rule, five links), sech (power rule); arsinh x = ln(x + sqrt(x^2 + 1)) from e^{2y} - 2x e^y - 1 = 0 and its "
              "derivative directly and by implicit differentiation; artanh from tanh y = x with \\Longrightarrow and its "
              "derivative; the catenary's arc-length integrand and length",
        notation=["\\frac{e^{2x} + 2 + e^{-2x}}{4} - \\frac{e^{2x} - 2 + e^{-2x}}{4}",
                  "-\\frac{1}{\\cosh x}\\cdot\\frac{\\sinh x}{\\cosh x} = -\\sech x\\tanh x",
                  "e^{2y} - 2x\\,e^{y} - 1 &= 0",
                  "\\frac{1}{x + \\sqrt{x^2 + 1}}\\cdot\\frac{\\sqrt{x^2 + 1} + x}{\\sqrt{x^2 + 1}}",
                  "\\frac{1}{\\sqrt{1 + \\sinh^2 y}}", "\\Bigl[a\\sinh\\frac{x}{a}\\Bigr]_{-b}^{b}"],
        notes="Definitions (2): sinh x, cosh x. y = arsinh x in the arsinh displays and y = artanh x (|x| < 1, checked on "
              "|x| <= 0.9) in the artanh displays, as the text says; a > 0, b > 0; the length integral by quadrature."),
    "catenary_hyperbolic_cheatsheet.md": dict(
        family=F["hyper"],
        style="Markdown cheat sheet (a derivative table in inline math, bold run-in headings, \\sinh^{-1}, \\cosh^{-1}, "
              "\\tanh^{-1} and \\operatorname{sech}, a numbered list interrupted by displays, Python/SciPy code fence with "
              "'='): cosh^2 - sinh^2 = 1 by factoring; sech'; the inverse functions' derivatives (sinh^{-1} through "
              "cosh(sinh^{-1} x), cosh^{-1} through its logarithm, tanh^{-1} through sech^2 y); the catenary y = a cosh(x/a), "
              "1 + y'^2 = cosh^2(x/a), the root with an absolute value, arc length s(x) = a sinh(x/a), y'' = "
              "sqrt(1 + y'^2)/a, y^2 - s^2 = a^2, x from s; numbers for a = 2",
        notation=["(\\cosh x - \\sinh x)(\\cosh x + \\sinh x) = e^{-x}\\,e^{x}",
                  "\\frac{1}{\\cosh\\bigl(\\sinh^{-1}x\\bigr)}", "\\frac{1 + \\frac{x}{\\sqrt{x^2 - 1}}}{x + \\sqrt{x^2 - 1}}",
                  "\\sqrt{1 + (y')^2} = \\Bigl|\\cosh\\frac{x}{a}\\Bigr| = \\cosh\\frac{x}{a}",
                  "a^2\\cosh^2\\frac{x}{a} - a^2\\sinh^2\\frac{x}{a}",
                  "a\\ln\\Bigl(\\frac{s}{a} + \\sqrt{\\frac{s^2}{a^2} + 1}\\Bigr)"],
        notes="Definitions (2): y(x), s(x). y = tanh^{-1} x with |x| < 1 (checked on |x| <= 0.9); x > 1 for cosh^{-1} "
              "(checked on [1.1, 4]); a > 0; s = a sinh(x/a) in the displays after the arc length; integrals by "
              "quadrature. Numbers: a = 2, posts at x = -2 and x = 2."),
    "maxent_lagrange_handout.tex": dict(
        family=F["maxent"],
        style="LaTeX course handout (bold header, \\section* numbered by hand, \\Lag macro for \\mathcal{L}, "
              "\\DeclareMathOperator{\\Var}, \\ln): entropy H(p) and the Lagrangian with multipliers alpha, lambda "
              "(definitions); dL/dp_j through Kronecker deltas, dL/dalpha and dL/dlambda in one display; the entropy's "
              "gradient; the Gibbs/softmax solution p_k = e^{lambda x_k}/Z(lambda) (definitions); stationarity checked "
              "with alpha = 1 - ln Z; d/dlambda ln Z = E_p[X] and the second derivative = Var_p(X); the maximal entropy "
              "ln Z - lambda E_p[X] and its derivative; a three-value example with lambda = ln 2",
        notation=["-\\sum_{k=1}^{n}\\delta_{kj}\\,(\\ln p_k + 1) + \\alpha\\sum_{k=1}^{n}\\delta_{kj} + \\lambda\\sum_{k=1}^{n}\\delta_{kj}\\,x_k",
                  "p_k = \\frac{e^{\\lambda x_k}}{Z(\\lambda)}",
                  "-\\bigl(\\lambda x_j - \\ln Z(\\lambda)\\bigr) - 1 + 1 - \\ln Z(\\lambda) + \\lambda x_j",
                  "\\frac{\\sum_{k=1}^{n} x_k e^{\\lambda x_k}}{\\sum_{j=1}^{n} e^{\\lambda x_j}}",
                  "\\mathbb{E}_p[X] - \\mathbb{E}_p[X] - \\lambda\\,\\frac{d}{d\\lambda}\\mathbb{E}_p[X]",
                  "e^{0} + e^{\\ln 2} + e^{2\\ln 2}"],
        notes="Definitions (4): H(p), the Lagrangian, p_k, Z(lambda). The Lagrangian's partial derivatives and the entropy's "
              "gradient for free positive p_1..p_n (not normalised); every later display with p the Gibbs distribution; "
              "alpha = 1 - ln Z(lambda) in the stationarity check, as stated; n = 1..4 values and every j, k; E_p and "
              "Var_p as sums against p. Numbers: values 0, 1, 2 and lambda = ln 2."),
    "logsumexp_gibbs_blog.md": dict(
        family=F["maxent"],
        style="Markdown blog post (YAML front matter with katex: true, ## numbered sections, \\operatorname{LSE} and "
              "\\operatorname{softmax}, \\langle E \\rangle, sums without bounds, SciPy code fence with '='): LSE as a "
              "definition and its gradient = softmax; shift invariance; the softmax Jacobian p_i(delta_ij - p_j) and its "
              "zero row sums; entropy gradient; a Lagrangian J with multipliers lambda_0 and beta for an energy constraint; "
              "the Boltzmann distribution as a softmax of -beta E; log Z = LSE(-beta E); d/dbeta log Z = -<E> through "
              "the LSE gradient; the Gibbs entropy beta<E> + log Z; a three-state example with beta = log 2",
        notation=["\\frac{1}{\\sum_{j} e^{z_j}}\\cdot\\frac{\\partial}{\\partial z_i}\\sum_{j} e^{z_j}",
                  "\\log\\Bigl(e^{c}\\sum_{j} e^{z_j}\\Bigr)",
                  "\\frac{\\delta_{ij}\\,e^{z_i}\\sum_{k} e^{z_k} - e^{z_i}e^{z_j}}{\\bigl(\\sum_{k} e^{z_k}\\bigr)^2}",
                  "-\\log p_k - 1 - \\lambda_0 - \\beta E_k",
                  "\\sum_{k} \\frac{\\partial \\operatorname{LSE}}{\\partial z_k}\\,\\frac{d z_k}{d\\beta}",
                  "-\\sum_{k} p_k\\bigl(-\\beta E_k - \\log Z(\\beta)\\bigr)"],
        notes="Definitions (4): LSE(z), J(p), p_k, Z(beta). Sums over j or k run over 1..K (stated), checked for K = 1..4 "
              "and every i, j, k; the entropy gradient and dJ/dp_k for free positive p_k; everything after the Gibbs "
              "display with p the Boltzmann distribution; beta real. Numbers: E = (0, 1, 2), beta = log 2."),
}


def main(argv):
    symbolic = "--fast" not in argv
    docs = all_docs()
    assert len(docs) == 12 and set(d.file for d in docs) == set(META)
    # 1. planted copies
    for d in docs:
        if d.planted:
            text, line = apply_edit(read(d.file), d.planted["old"], d.planted["new"])
            with open(os.path.join(CORPUS, planted_name(d.file)), "w", encoding="utf-8") as f:
                f.write(text)
    # 2. check everything and build the manifest
    manifest = []
    problems = 0
    for d in docs:
        m = META[d.file]
        r = analyse_correct(d, symbolic)
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
            p = analyse_planted(d, symbolic)
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
