#!/usr/bin/env python3
"""Write the planted copies and MANIFEST.json of corpus_ml10.

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
    "ode": "checking_solutions_of_odes",
    "multi": "multivariable_calculus_partials_hessian_polar",
    "mle": "maximum_likelihood_weibull_pareto_laplace",
    "act": "activation_functions_and_losses_by_cases",
    "flow": "change_of_variables_one_dimensional_flows",
    "taylor": "taylor_polynomials_and_newtons_method",
}

META = {
    "ode_solution_checks_lecture.tex": dict(
        family=F["ode"],
        style="LaTeX lecture scribe notes (\\maketitle with \\\\[2pt] in the title, amsthm example/remark environments, "
              "numbered equation/align with \\label, \\nonumber and \\eqref, primes and \\frac{d}{dt}, \\ln): exponential decay "
              "y = y_0 e^{-kt}, y' = -ky and the half-life; the logistic curve P = K/(1 + Ae^{-rt}) with A = (K - P_0)/P_0, "
              "P' by the chain rule with E = e^{-rt}, the right-hand side rP(1 - P/K) reduced to the same expression, "
              "P(0) = P_0; the integrating factor e^{t^2} for y' + 2ty = t as an integral, the product rule with a "
              "\\text{since ...} annotation, integration from 0 to t with a bracket, the solution; the harmonic oscillator "
              "y = C cos(omega t) + D sin(omega t), y'' = -omega^2 y; numbers at an instant (P'(0) = 8 two ways, y'(10) "
              "with \\approx)",
        notation=["y_0 e^{-kt}\\cdot(-k) = -k\\,y(t)",
                  "-K\\bigl(1 + AE\\bigr)^{-2}\\cdot A\\,(-rE)",
                  "\\frac{rK}{1 + AE}\\Bigl(1 - \\frac{1}{1 + AE}\\Bigr)",
                  "\\exp\\Bigl(\\int_0^t 2s\\,ds\\Bigr) = e^{t^2}",
                  "\\Bigl[\\tfrac12 e^{s^2}\\Bigr]_0^t",
                  "-\\omega^2\\bigl(C\\cos\\omega t + D\\sin\\omega t\\bigr) = -\\omega^2\\,y(t)"],
        notes="Definitions (4): y(t), P(t), A, mu(t). The ODEs themselves are stated inline only. P is the logistic curve "
              "with A = (K - P_0)/P_0 and 0 < P_0 < K (stated), E = e^{-rt} (stated); y in the integrating-factor "
              "displays is the solution of y' + 2ty = t with y(0) = y_0 (so the line 'since y' + 2ty = t' holds along "
              "it); integrals by quadrature; every derivative by sympy.diff of the stated function. Numbers: K = 100, "
              "P_0 = 20, r = 0.5 (A = 4) at t = 0; y_0 = 80, k = 0.1 at t = 10."),
    "ode_verification_forum.md": dict(
        family=F["ode"],
        style="Markdown forum thread (bold thread title, a blockquoted question with a $$ block inside the quote, --- "
              "rules, replies by user name with points, a follow-up question): the logistic curve checked through the "
              "reciprocal Q = 1/P (Q' = r/K - rQ) and P' = -Q'/Q^2 in a five-link chain, A = K/P_0 - 1; the harmonic "
              "oscillator in amplitude-phase form, numbers at t = pi/6 for omega = 3 with two chains separated by \\qquad; "
              "the damped oscillator y = e^{-t} cos 2t for y'' + 2y' + 5y = 0 by the product rule; the logarithmic "
              "derivative of y_0 e^{-kt}; the integrating factor 1/t for y' - y/t = t^2, checked two ways",
        notation=["Q(t) = \\frac{1}{P(t)} = \\frac{1 + Ae^{-rt}}{K}",
                  "P' = -\\frac{Q'}{Q^2} = -\\frac{r/K - rQ}{Q^2}",
                  "R\\cos(\\omega t - \\varphi) = R\\cos\\omega t\\cos\\varphi + R\\sin\\omega t\\sin\\varphi",
                  "y\\Bigl(\\frac{\\pi}{6}\\Bigr) = \\cos\\frac{\\pi}{2} + 2\\sin\\frac{\\pi}{2}",
                  "e^{-t}\\bigl[(4 - 4)\\sin 2t + (-3 - 2 + 5)\\cos 2t\\bigr]",
                  "\\frac{d}{dt}\\Bigl(\\frac{y}{t}\\Bigr) = \\frac{y'}{t} - \\frac{y}{t^2}"],
        notes="Definitions (3): P(t) (in the quoted question), Q(t), A. A > 0, r, K > 0 (stated); P and Q are the logistic "
              "curve and its reciprocal; C = R cos(phi), D = R sin(phi) with R = sqrt(C^2 + D^2) (stated); y_0 > 0 for the "
              "logarithm; t > 0 and y = t^3/2 + Ct in the integrating-factor displays; y' and y'' by sympy.diff. Numbers: "
              "omega = 3, C = 1, D = 2 at t = pi/6."),
    "multivariable_critical_points_exam.tex": dict(
        family=F["multi"],
        style="LaTeX exam model solutions (\\section* per question with marks via a \\points macro, a \\pd macro for "
              "partial derivatives, \\\\[4pt] and \\\\[2pt] in the header, comments on common errors): f = x^3 - 3xy + y^3 "
              "with f_x, f_y, the mixed partials in one five-link chain, the Hessian as a pmatrix and its determinant, "
              "D(0,0) = -9 < 0 (saddle), D(1,1) = 27 > 0 and f_xx(1,1) = 6 > 0 (minimum), f(1,1) = -1; the gradient of "
              "x^2 y + e^{xy} as a tuple, its value at (1,0) and the directional derivative 8/5; the chain rule in polar "
              "coordinates for x^2 - y^2 (df/dr, df/dtheta over align rows with \\nonumber), a check by substitution, "
              "values with \\Big|_{(2,\\pi/6)} and the invariance of the gradient's length",
        notation=["f_{xy} = \\pd{}{y}\\bigl(3x^2 - 3y\\bigr) = -3 = \\pd{}{x}\\bigl(3y^2 - 3x\\bigr) = f_{yx}",
                  "\\begin{pmatrix} 6x & -3 \\\\ -3 & 6y \\end{pmatrix}",
                  "\\nabla g(1, 0) = (0 + 0,\\; 1 + 1) = (0, 2)",
                  "\\pd{f}{x}\\pd{x}{\\theta} + \\pd{f}{y}\\pd{y}{\\theta}",
                  "\\pd{f}{r}\\Big|_{(2,\\pi/6)} = 2\\cdot 2\\cos\\frac{\\pi}{3} = 2",
                  "4r^2 = 4x^2 + 4y^2 = f_x^2 + f_y^2"],
        notes="Definitions (2): H(x, y), D(x, y). Stationarity conditions in prose only; matrices and tuples are compared "
              "entry by entry; the directional derivative is encoded as d/ds g((1, 0) + s u) at s = 0; the polar displays "
              "with x = r cos(theta), y = r sin(theta), r > 0 (stated), f_x = 2x and f_y = -2y evaluated there, and df/dr, "
              "df/dtheta by sympy.diff of f(r cos(theta), r sin(theta))."),
    "partial_derivatives_polar_study_notes.md": dict(
        family=F["multi"],
        style="Markdown study notes (italic preamble with conventions, ## numbered sections, displays inside a bulleted "
              "list, \\begin{align*} written directly in Markdown with two chains per row, a to-do line): f = x^4 + y^4 - 4xy "
              "with first and second partials, f_xy = f_yx = -4, D = 144x^2y^2 - 16, the three critical points classified, "
              "f(1,1) = -2 = f(-1,-1); Clairaut's check for x sin(xy); the gradient at (1,2) and a directional derivative "
              "with \\sqrt{2}; the polar chain rule for h = xy, the substituted form, the polar Laplacian and the length "
              "of the gradient",
        notation=["f_{xy} = f_{yx} = -4",
                  "D = f_{xx}f_{yy} - f_{xy}^2 = 144x^2y^2 - 16",
                  "k_{xy} &= x\\cos(xy) + x\\cos(xy) - x^2y\\sin(xy) = 2x\\cos(xy) - x^2y\\sin(xy)",
                  "D_{\\mathbf{u}} f(1, 2) = \\frac{-4 + 28}{\\sqrt{2}} = \\frac{24}{\\sqrt{2}} = 12\\sqrt{2}",
                  "y\\,(-r\\sin\\theta) + x\\,(r\\cos\\theta) = r^2(\\cos^2\\theta - \\sin^2\\theta)",
                  "\\sin 2\\theta + \\sin 2\\theta - 2\\sin 2\\theta = 0"],
        notes="Definitions (1): D. Stationarity conditions in prose; h is xy throughout section 4 (also in 'h = r cos(theta) "
              "r sin(theta)', an identity), with h_x = y, h_y = x (stated); tuples compared entry by entry; polar "
              "derivatives by sympy.diff of h(r cos(theta), r sin(theta)), r > 0."),
    "mle_weibull_pareto_appendix.tex": dict(
        family=F["mle"],
        style="LaTeX paper appendix (\\appendix, \\section and \\subsection with \\label, references to Section 3 and Table 3 "
              "of the (absent) paper, macros \\E and \\Fish for the Fisher information, numbered equation/align with "
              "\\eqref, \\log): the Pareto density with known threshold, log-likelihood, score and curvature in one align, "
              "the MLE, E[log(X/x_m)] = 1/alpha as an integral; the Weibull density with known shape, log-likelihood in three "
              "rows with S_k = sum x_i^k, score, MLE, curvature, the curvature at the MLE, E[X^k] = lambda^k by substitution, "
              "the Fisher information; numbers for k = 2 and data 1, 2, 3, 2 and for Pareto exceedances 2, 4, 8 with \\approx "
              "and two chains separated by \\qquad",
        notation=["\\frac{n}{\\alpha} - \\sum_{i=1}^{n}\\log\\frac{x_i}{x_m}",
                  "n\\log k - nk\\log\\lambda + (k - 1)\\sum_{i=1}^{n}\\log x_i - \\lambda^{-k}S_k",
                  "\\frac{k}{\\lambda}\\bigl(\\lambda^{-k}S_k - n\\bigr)",
                  "\\frac{nk}{\\hat\\lambda^2} - k(k + 1)\\hat\\lambda^{-k-2}\\,n\\hat\\lambda^{k}",
                  "\\lambda^k\\int_0^\\infty u\\,e^{-u}\\,du",
                  "\\frac{3}{\\log 2 + \\log 4 + \\log 8} = \\frac{3}{6\\log 2}"],
        notes="Definitions (6): the Pareto f(x; alpha), ell(alpha), alpha-hat, the Weibull f(x; lambda), ell(lambda), "
              "lambda-hat. The Fisher information I = -E[ell''] is defined inline, so its display is an identity; S_k = "
              "sum x_i^k is bound inline; x_i > 0, x_i >= x_m, alpha, k, lambda > 0 (stated). Log-likelihoods for n = 1..4 "
              "observations; the curvature at the MLE with lambda-hat = (S_k/n)^{1/k}; expectations and the information by "
              "quadrature against the stated density (the information as -n times the expected second derivative of the "
              "log-density). Numbers: k = 2 with data 1, 2, 3, 2; x_m = 1 with data 2, 4, 8."),
    "mle_laplace_weibull_notebook.md": dict(
        family=F["mle"],
        style="Markdown notebook export (italic header, In [n]/Out[n] NumPy/SciPy cells with '=', ## sections, bold run-in "
              "headings): the Weibull with shape 2 parametrised by theta = lambda^2, log-likelihood, score, theta-hat, "
              "lambda-hat by invariance, E[X^2] = theta as an integral, the Fisher information in a four-link chain, numbers "
              "with decimals; the Laplace density, log-likelihood, the scale's score, b-hat (mean absolute deviation), "
              "curvature and its value at b-hat with \\Big|_{b=\\hat b}, the location's derivative with sign and counts "
              "(\\#\\{i : x_i > \\mu\\}), E|X - mu| = b by splitting at mu, the Fisher information, b-hat for five points",
        notation=["\\ell(\\theta) = n\\log 2 + \\sum_{i=1}^{n}\\log x_i - n\\log\\theta - \\frac{1}{\\theta}\\sum_{i=1}^{n}x_i^2",
                  "\\hat\\lambda = \\sqrt{\\hat\\theta} = \\sqrt{\\frac{1}{n}\\sum_{i=1}^{n}x_i^2}",
                  "-\\frac{n}{\\theta^2} + \\frac{2}{\\theta^3}\\,n\\,\\mathbb{E}[X^2]",
                  "\\frac{1}{b^2}\\Bigl(\\sum_{i=1}^{n}|x_i - \\mu| - nb\\Bigr)",
                  "\\frac{1}{b}\\sum_{i=1}^{n}\\operatorname{sign}(x_i - \\mu)",
                  "2\\int_0^{\\infty}\\frac{u}{2b}e^{-u/b}\\,du"],
        notes="Definitions (6): f(x | theta), ell(theta), theta-hat, f(x | mu, b), ell(mu, b), b-hat. The Fisher information "
              "I = -E[ell''] is defined inline in the header, so its displays are identities; lambda-hat is the MLE of the "
              "Weibull scale for shape 2, (sum x_i^2/n)^{1/2}; x_i > 0 for the Weibull, b > 0, mu different from every x_i "
              "for the location derivative (stated); n = 1..4 observations; expectations and informations by quadrature "
              "(Laplace integrals split at the kink x = mu). Numbers (decimals as exact rationals): 0.5, 1.5, 1.0, 2.0; "
              "1, 2.5, 4, 3, 0.5 with median 2.5."),
    "activation_derivatives_handout.tex": dict(
        family=F["act"],
        style="LaTeX course handout (\\noindent header with \\hfill and \\hrule, \\section* per topic, \\DeclareMathOperator for "
              "ELU, SELU, LReLU and sech, cases environments, \\ln): Leaky ReLU as max and by cases with its derivative; ELU and "
              "its derivative by cases, the derivative from the output for x < 0, the left limit at 0; SELU' = lambda ELU'; "
              "softsign's derivative on each side in an align* with row labels 'x > 0:' and 'x < 0:', and as one formula; the "
              "hinge loss's derivative by cases and the chain rule for a linear score; the pinball loss as a max and with an "
              "indicator \\mathbf{1}[u < 0], its derivative in q by cases, numbers with tau = 0.9; Mish with softplus zeta: "
              "zeta' = sigma, tanh(zeta) without logarithms, m' in three align rows, m'(0) = 3/5",
        notation=["\\max(x, ax) = \\begin{cases} x, & x > 0, \\\\ ax, & x \\le 0, \\end{cases}",
                  "\\alpha e^{x} = \\alpha(e^{x} - 1) + \\alpha = \\ELU(x) + \\alpha",
                  "\\frac{(1 + x) - x}{(1 + x)^2} = \\frac{1}{(1 + x)^2}",
                  "u\\bigl(\\tau - \\mathbf{1}[u < 0]\\bigr)",
                  "\\frac{(1 + e^{x})^2 - 1}{(1 + e^{x})^2 + 1} = \\frac{e^{2x} + 2e^{x}}{e^{2x} + 2e^{x} + 2}",
                  "\\tanh(\\zeta(x)) + x\\,\\sech^2(\\zeta(x))\\,\\zeta'(x)"],
        notes="Definitions (3): LReLU_a(x) = max(x, ax), ELU(x), rho_tau(u). The softsign s, the hinge loss, Mish m and the "
              "softplus zeta are defined inline. Every display by cases is a Piecewise and is checked on both sides of the "
              "kink (x drawn from [0.05, 3] and [-3, -0.05]); the display 'alpha e^x = ... = ELU(x) + alpha' only for x < 0 and "
              "the one-sided softsign rows only on their side, as the text says; the hinge displays for y = +1 and -1 on both "
              "sides of yz = 1, the chain rule on margin violators (|w.x| <= 0.9) for 1..3 features and every j; the pinball "
              "derivative for y > q and y < q; 0 < a < 1, alpha, lambda > 0, 0 < tau < 1. Numbers: tau = 0.9, u = 2 and -2; "
              "m'(0)."),
    "activation_losses_blog.md": dict(
        family=F["act"],
        style="Markdown blog post (YAML front matter with math: katex, ## sections, single-line $$...$$ displays next to "
              "multi-line ones, cases with \\text{if }, two PyTorch code fences with '='): Leaky ReLU by cases and as "
              "((1 + a)x + (1 - a)|x|)/2 checked on each half-line, its derivative with sign(x); SELU by cases, its left "
              "limit with \\approx, SELU' from the output for x < 0; softsign's derivative through sign(x) in one chain; Mish "
              "as x tanh(ln(1 + e^x)), its closed form, the paper's omega and delta and Mish' = e^x omega/delta^2, Mish'(0) = "
              "3/5; the hinge loss and a number; the pinball loss by cases, the slope of the summed loss with counts and its "
              "values at q = 3.5 and q = 4.5 with \\Big|_{q=3.5}",
        notation=["\\frac{(1 + a)x + (1 - a)|x|}{2} = \\frac{(1 + a)x - (1 - a)x}{2} = ax",
                  "\\frac{1 + a}{2} + \\frac{1 - a}{2}\\operatorname{sign}(x)",
                  "\\frac{(1 + |x|) - x\\operatorname{sign}(x)}{(1 + |x|)^2}",
                  "\\omega = 4(x + 1) + 4e^{2x} + e^{3x} + e^{x}(4x + 6)",
                  "\\ell(0.3) = \\max\\bigl(0, 1 - (-1)(0.3)\\bigr) = \\max(0, 1.3) = 1.3",
                  "-\\tau\\,\\#\\{i : y_i > q\\} + (1 - \\tau)\\,\\#\\{i : y_i < q\\}"],
        notes="Definitions (7): LReLU_a(x), SELU(x), Mish(x), omega, delta, ell(z), rho_tau(u). L(q) is defined inline. Displays "
              "by cases are Piecewise and are checked on both sides of the kink; the half-line identities only on their half "
              "line (x >= 0 checked on [0.05, 3], x < 0 on [-3, -0.05]) and SELU' = SELU + lambda alpha only for x < 0, as the "
              "text says; the slope dL/dq for n = 1..4 data points and q different from every y_i, as the sum of the "
              "derivatives of the max; 0 < a < 1, alpha, lambda > 0, 0 < tau < 1. Numbers: y = -1, z = 0.3; y = (1, 2, 3, 4, 5), "
              "tau = 0.8, q = 3.5 and 4.5."),
    "flows_change_of_variables_textbook.tex": dict(
        family=F["flow"],
        style="LaTeX textbook excerpt (book class, \\setcounter{chapter} and \\setcounter{section}, theorem/example "
              "environments numbered within the chapter, a proof for the increasing case, \\DeclareMathOperator{\\artanh}, "
              "\\E macro, \\log): the change-of-variables theorem p_Y(y) = p_X(g^{-1}(y)) |dg^{-1}/dy|, its proof through the "
              "CDF; the affine flow and its log form; the log-normal density and its mean through M_X(1); the sigmoid's "
              "derivative, its log-determinant in the stable form, the logit's derivative and the uniform density of "
              "sigma(X); the tanh layer's log-determinant and density; a composed flow sigma(ax + b) with log-determinants "
              "added, numbers at x = 0 with \\Big|_{x=0}",
        notation=["p_Y(y) = p_X\\bigl(g^{-1}(y)\\bigr)\\,\\Bigl|\\frac{d g^{-1}(y)}{dy}\\Bigr|",
                  "F_Y(y) = \\Pr(g(X) \\le y) = \\Pr\\bigl(X \\le g^{-1}(y)\\bigr) = F_X\\bigl(g^{-1}(y)\\bigr)",
                  "\\E[Y] = \\E\\bigl[e^{X}\\bigr] = M_X(1) = e^{\\mu + \\sigma^2/2}",
                  "\\log\\sigma(x) + \\log\\bigl(1 - \\sigma(x)\\bigr) = -x - 2\\log\\bigl(1 + e^{-x}\\bigr)",
                  "\\frac{y(1 - y)}{y(1 - y)} = 1",
                  "\\log\\Bigl|\\frac{dy}{du}\\Bigr| + \\log\\Bigl|\\frac{du}{dx}\\Bigr|"],
        notes="Definitions (0): every display is an identity (the theorem's statement too). The theorem is checked on four "
              "concrete pairs (X ~ N(0, 1) with exp; logistic X with sigma; Exp(1) with x^2; Exp(1) with the decreasing map "
              "e^{-x}), with p_Y computed by differentiating the CDF of Y; the proof's chains on the three increasing pairs "
              "with probabilities as quadratures; the affine and composed flows for a of either sign; x = (y - b)/a, x = logit "
              "y and u = ax + b as the text binds them; 0 < y < 1 for the logit, |y| <= 0.95 for tanh; integrals by "
              "quadrature. Numbers: a = 2, b = 0, x = 0."),
    "one_d_flows_cheatsheet.md": dict(
        family=F["flow"],
        style="Markdown cheat sheet (one-line notation header with inline math, bold run-in headings R1-R6, a table of "
              "log-derivatives in inline math, a $$...$$ display inside a sentence, a display inside a bulleted list, \\ln, "
              "\\operatorname{softplus}, NumPy code fence with '='): the formula in two forms and in log form; stacked flows "
              "adding log-derivatives; uniform to exponential by a decreasing map and its mean; the log-normal's log-density, "
              "normalisation and mode; an affine flow with a log-scale; the sigmoid layer's log-derivative with softplus and "
              "softplus(x) - softplus(-x) = x; tanh squashing of a Gaussian (SAC); a two-layer flow (affine then exp); a "
              "numerical value with \\approx",
        notation=["p_Y(y) = p_X(x)\\,\\Bigl|\\frac{dx}{dy}\\Bigr| = \\frac{p_X(x)}{|g'(x)|}",
                  "\\ln\\Bigl|\\frac{d}{dx}g_2(g_1(x))\\Bigr| = \\ln\\bigl|g_2'(g_1(x))\\bigr| + \\ln|g_1'(x)|",
                  "p_X(e^{-y})\\,\\Bigl|\\frac{d}{dy}e^{-y}\\Bigr| = 1\\cdot e^{-y} = e^{-y}",
                  "-\\frac{\\ln y - \\mu}{\\sigma^2 y} - \\frac{1}{y} = -\\frac{\\ln y - \\mu + \\sigma^2}{\\sigma^2 y}",
                  "\\ln\\frac{1 + e^{x}}{1 + e^{-x}} = \\ln e^{x} = x",
                  "\\ln p_X(x) - \\ln\\Bigl|\\frac{dz}{dx}\\Bigr| - \\ln\\Bigl|\\frac{dy}{dz}\\Bigr|"],
        notes="Definitions (0): softplus, sigma, phi and the maps are defined inline. x = g^{-1}(y) throughout (stated); the "
              "general formulas are checked on the four concrete (X, g) pairs of the textbook's encoding, the stacking rule on "
              "three pairs (g_1, g_2); densities of transformed variables by differentiating their CDFs; R1 with X ~ U(0, 1) "
              "and y > 0; the two-layer flow for a of either sign, z = ln y, x = (z - b)/a; pi(a) is the density of a = tanh u; "
              "integrals by quadrature."),
    "taylor_newton_worksheet.tex": dict(
        family=F["taylor"],
        style="LaTeX worksheet solutions (\\subsection* per problem with the question in \\emph, no indentation, \\approx "
              "for rounded values, \\Big|_{x=0}, align* with two chains per row): T_4 of e^x with a sum and e approx 65/24; "
              "derivatives of sqrt(1 + x), f''(0) with an evaluation bar, T_2, the linearisation L(0.1) and T_2(0.1) for "
              "sqrt(1.1) in one display with \\qquad; T_2 of (1 + x)^alpha and the check at alpha = 1/2; the derivatives of "
              "ln(1 + x) and their values at 0 in a ten-link align*, T_3, the Lagrange remainder in c; Newton's iteration "
              "for x^2 - 2, the iterates 3/2, 17/12, 577/408 as fractions, and the residual 1/166464",
        notation=["\\sum_{k=0}^{4}\\frac{f^{(k)}(0)}{k!}x^k",
                  "-\\frac14(1 + x)^{-3/2}\\Big|_{x=0} = -\\frac14",
                  "\\sqrt{1.1} \\approx L(0.1) = 1 + \\frac{0.1}{2} = 1.05",
                  "f^{(4)}(x) &= -6(1 + x)^{-4},   & f^{(4)}(0) &= -6.",
                  "\\frac{f^{(4)}(c)}{4!}x^4 = \\frac{-6(1 + c)^{-4}}{24}x^4",
                  "\\frac12\\cdot\\frac{289 + 288}{204} = \\frac{577}{408}"],
        notes="Definitions (2): f(x) = ln(1 + x), the Newton map x_{n+1}. T_n is defined inline, so the Taylor displays are "
              "identities; f is e^x, sqrt(1 + x), (1 + x)^alpha, ln(1 + x) in problems 1-4 as the text says; Taylor "
              "coefficients by sympy.diff at 0; the remainder display is an identity in the free c (c > -1, checked on "
              "[-0.5, 1.5]); the iterates x_1, x_2, x_3 are values of the stated iteration from x_0 = 1, computed exactly, so "
              "their displays are identities. Numbers: x = 1, x = 0.1 (decimals as exact rationals)."),
    "taylor_newton_lecture_notes.md": dict(
        family=F["taylor"],
        style="Markdown lecture notes from a course site (YAML front matter with layout/title/course/katex, ## numbered "
              "sections, three chains in one display separated by \\qquad with \\Big|_{x=0} bars, \\binom, \\sqrt[3], \\approx, "
              "a Python fractions code fence with '='): derivatives of sqrt(1 + x) at 0 and T_3; a binomial coefficient "
              "binom(alpha, 3) and binom(-1, 3) = -1; T_2(0.1) for e^x and the Lagrange factor 1/6000; the coefficients "
              "(-1)^{k+1}/k of ln(1 + x) and T_3(0.2) = 137/750; the slope of x^{1/3} at 8 and L(8.1) = 241/120; Newton's "
              "iteration for x^3 - 2x - 5 from x_0 = 2: x_1 = 21/10, f(x_1) and f'(x_1) as fractions, x_2 = 11761/5615",
        notation=["f'(0) = \\frac12(1 + x)^{-1/2}\\Big|_{x=0} = \\frac12",
                  "1 + \\frac12x - \\frac14\\cdot\\frac{x^2}{2!} + \\frac38\\cdot\\frac{x^3}{3!}",
                  "\\frac{\\alpha(\\alpha - 1)(\\alpha - 2)}{6} = \\binom{\\alpha}{3}",
                  "\\frac{(-1)^{k+1}(k - 1)!}{k!} = \\frac{(-1)^{k+1}}{k}",
                  "\\sqrt[3]{8.1} \\approx L(8.1) = 2 + \\frac{0.1}{12} = \\frac{241}{120}",
                  "\\frac{21}{10} - \\frac{61/1000}{1123/100} = \\frac{21}{10} - \\frac{61}{11230}"],
        notes="Definitions (1): the Newton map x_{n+1}. T_n and L are defined inline; f is sqrt(1 + x), (1 + x)^alpha, e^x, "
              "ln(1 + x), x^{1/3} and x^3 - 2x - 5 in the sections as the text says; the ln(1 + x) coefficients for k = 1..5; "
              "binom(alpha, 3) as Gamma(alpha + 1)/(3! Gamma(alpha - 2)) for real alpha; iterates computed exactly from "
              "x_0 = 2. Numbers: x = 0.1, 0.2, 8.1 (decimals as exact rationals)."),
}


def main(argv):
    symbolic = "--fast" not in argv
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
