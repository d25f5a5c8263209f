#!/usr/bin/env python3
"""Write the planted copies and MANIFEST.json of corpus_ml15.

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
    "logit": "logistic_regression_gradient_hessian_newton",
    "pois": "poisson_glm_log_link_score_information_deviance",
    "bp": "backpropagation_rnn_bptt_tanh_network",
    "heat": "heat_equation_separation_kernel_fourier",
    "queue": "mm1_queue_two_state_markov_chain",
    "ridge": "ridge_bias_variance_cross_validation",
}

META = {
    "logistic_hessian_lecture.tex": dict(
        family=F["logit"],
        style="LaTeX lecture scribe notes (\\maketitle with \\\\[2pt] in the title, macros \\pd for partial derivatives, \\sumi for a sum "
              "whose bounds live in the macro, \\T for a transpose superscript, \\R; numbered equation/align with \\label, \\eqref and "
              "\\nonumber rows, \\[...\\] with two chains separated by \\qquad, align* with two chains in two rows, pmatrix products, "
              "\\dfrac inside a pmatrix, \\approx after chains, natural \\log): n labelled points, p_i = sigma(w^T x_i); sigma' = "
              "sigma(1 - sigma) through e^{-z}; 1 - sigma(z) = sigma(-z); the log-likelihood in three forms; dl/dw_j = sum (y_i - p_i) x_ij "
              "and X^T(y - p); the Hessian -sum p_i(1 - p_i) x_ij x_ik and -X^T S X; concavity through v^T H v; the Newton/IRLS step in "
              "three forms; one Newton step by hand for two points x = (1, 0), (1, 2), y = (1, 0) from w = 0 (X^T S X, its inverse, "
              "w^(1) = (2, -2)), the log-likelihood before and after, the gradient and the weights at the new point",
        notation=["\\sigma'(z) = \\frac{e^{-z}}{(1 + e^{-z})^2} = \\frac{1}{1 + e^{-z}}\\cdot\\frac{e^{-z}}{1 + e^{-z}} = \\sigma(z)\\bigl(1 - \\sigma(z)\\bigr)",
                  "&= \\sumi \\bigl[y_i\\, w\\T x_i - \\log\\bigl(1 + e^{w\\T x_i}\\bigr)\\bigr]",
                  "\\frac{\\partial^2 \\ell}{\\partial w_j\\,\\partial w_k} &= -\\sumi x_{ij}\\,\\pd{p_i}{w_k}",
                  "= (X\\T S X)^{-1}X\\T S\\,\\bigl(Xw + S^{-1}(y - p)\\bigr)",
                  "(X\\T S X)^{-1} = 4\\begin{pmatrix} 1 & -\\tfrac12\\\\ -\\tfrac12 & \\tfrac12 \\end{pmatrix}",
                  "\\ell\\bigl(w^{(1)}\\bigr) &= \\log\\sigma(2) + \\log\\bigl(1 - \\sigma(-2)\\bigr) = 2\\log\\sigma(2)"],
        notes="Definitions (3): sigma(z), l(w), w^new (first links). The log-likelihood is written from the data and the weights for "
              "n = 1..3 points and d = 1..3 features (labels drawn in [0, 1]; the identities are polynomial in them), every j and every "
              "pair (j, k); gradients and Hessians are sympy.diff of it; the Newton step uses the Hessian inverted by cofactors for "
              "(n, d) in {(1,1), (2,1), (2,2), (3,1), (3,2)}. The worked example is computed from its own log-likelihood by sympy.diff "
              "and sympy.hessian at w = 0 and at the Newton iterate; numbers exact."),
    "logistic_newton_forum.md": dict(
        family=F["logit"],
        style="Markdown forum thread (a title with inline math, an asker line with tags, a blockquoted question with a display inside "
              "the quote and inline code, an accepted answer with bold step headings, two comments, a second answer with a Python "
              "code fence containing =, single-line $$...$$ displays, pmatrix vectors and matrices, \\big brackets, natural \\log): the "
              "average cross-entropy J(theta) with h_i = sigma(theta^T x_i); sigma' = sigma(1 - sigma); dh_i/dtheta_k; the derivatives "
              "of log h_i and log(1 - h_i); the gradient (1/n) sum (h_i - y_i) x_ij and (1/n) X^T(h - y); the Hessian (1/n) sum "
              "h_i(1 - h_i) x_ij x_ik and (1/n) X^T D X; sigma'' = sigma(1 - sigma)(1 - 2sigma); a three-point example with an "
              "intercept from theta = 0 (J = log 2, the gradient, H, det H = 1/24, H^-1, theta^(1) = (-4/3, 2))",
        notation=["-\\frac{1}{n}\\sum_{i=1}^{n}\\big[y_i(1 - h_i) - (1 - y_i)h_i\\big]x_{ij}",
                  "\\frac{\\partial^2 J}{\\partial\\theta_j\\,\\partial\\theta_k} = \\frac{1}{n}\\sum_{i=1}^{n}x_{ij}\\,\\frac{\\partial h_i}{\\partial\\theta_k}",
                  "H = \\frac{1}{n}\\sum_{i=1}^{n}h_i(1 - h_i)\\,x_i x_i^\\top = \\frac{1}{n}X^\\top D X",
                  "\\sigma''(z) = \\frac{d}{dz}\\big[\\sigma(z) - \\sigma(z)^2\\big]",
                  "\\det H = \\frac{5}{48} - \\frac{1}{16} = \\frac{1}{24}",
                  "-\\begin{pmatrix}-\\tfrac53 + 3\\\\ 1 - 3\\end{pmatrix}"],
        notes="Definitions (1): J(theta) (first link). The cost is written from the data for n = 1..3 points and d = 1..3 features, every "
              "i, j, k; derivatives are sympy.diff of it (labels drawn in [0, 1]). The example's gradient, Hessian and Newton step are "
              "sympy.diff / sympy.hessian of its own cost at theta = 0; numbers exact."),
    "poisson_counts_appendix.tex": dict(
        family=F["pois"],
        style="LaTeX paper appendix (\\appendix with a \\section and \\subsection, amsthm lemma with a proof ending in \\qedhere inside "
              "\\[...\\], macros \\E, \\Var, \\Cov, \\sumi, \\T, \\Info; numbered equation/align with \\label, \\eqref and \\nonumber, "
              "align* for two score equations, pmatrix information matrices, a fraction times a matrix, factorials y!, \\approx after "
              "chains, natural \\log): the Poisson pmf and log-pmf; E[Y] and E[Y(Y - 1)] by shifting the summation index, Var(Y) = mu; "
              "the log-likelihood with log mu_i = x_i^T beta; the score sum (y_i - mu_i) x_ij, its mean zero and covariance; the Hessian "
              "and the Fisher information X^T W X; the deviance with the factorials cancelling; a two-group example (counts 1, 3 and 4, 8): "
              "the score equations, beta0 = log 2, beta1 = log 3, the information matrix and its inverse, se = 1/sqrt3, D = 32 log 2 - 18 log 3",
        notation=["\\mu\\sum_{y=1}^{\\infty}\\frac{e^{-\\mu}\\mu^{y-1}}{(y-1)!} = \\mu",
                  "\\Var(Y) = \\E[Y(Y - 1)] + \\E[Y] - (\\E[Y])^2 = \\mu^2 + \\mu - \\mu^2 = \\mu",
                  "\\Cov\\bigl(U_j, U_k\\bigr) &= \\sumi x_{ij}x_{ik}\\Var(Y_i) = \\sumi \\mu_i\\,x_{ij}x_{ik}",
                  "\\Info_{jk}(\\beta) = \\E\\Bigl[-\\frac{\\partial^2\\ell}{\\partial\\beta_j\\,\\partial\\beta_k}\\Bigr]",
                  "&= 2\\sumi \\Bigl[y_i\\log\\frac{y_i}{\\hat\\mu_i} - (y_i - \\hat\\mu_i)\\Bigr]",
                  "\\operatorname{se}(\\hat\\beta_1) = \\sqrt{\\tfrac{16}{48}} = \\frac{1}{\\sqrt3}"],
        notes="Definitions (5): f(y; mu), l(beta), U_j(beta), I_jk(beta), D (first links). Sums over y are infinite sums against the pmf, "
              "summed term by term (mu in [0.3, 2]); counts y_i are positive integer symbols. The model statements are checked for n = 1..3 "
              "counts and p = 1..3 covariates and every (j, k); the score and Hessian are sympy.diff of the log-likelihood; the mean and "
              "covariance of the score are polynomial expectations with E[Y_i] = mu_i and E[Y_i^2] = mu_i + mu_i^2. The example's MLE is "
              "sympy.solve of its score equations (in e^beta0 and e^(beta0 + beta1)); the information is minus sympy.hessian at the MLE."),
    "poisson_deviance_cheatsheet.md": dict(
        family=F["pois"],
        style="Markdown cheat sheet (YAML front matter with title/course/version/tags, numbered ## sections, bullet items with displays "
              "indented inside the list items, several chains in one display separated by \\qquad and \\quad, \\mathbb{E}, \\operatorname{Var}, "
              "\\mathcal{I}, pmatrix, \\tfrac, \\big brackets, a slash fraction 8/3 inside \\frac, bold 'Common mistakes', natural \\log): "
              "the Poisson pmf and log-pmf; the exponential-family form with b(theta) = e^theta; the mgf e^{mu(e^t - 1)} by summing the "
              "series; M'(0) and Var(Y) = mu; the log-likelihood in (a, b), its scores and the Fisher information; the IRLS working "
              "response and weight; the unit deviance and d(0, mu) = 2mu; the deviance as twice the gap to the saturated fit; a rate "
              "with an exposure offset (counts 2, 6 over exposures 1, 2): beta-hat = log(8/3), I = 8, se = sqrt2/4, one Fisher-scoring "
              "step 5/3, D = 28 log 3 - 44 log 2",
        notation=["e^{-\\mu}\\sum_{y=0}^{\\infty}\\frac{(\\mu e^{t})^y}{y!} = e^{\\mu(e^{t} - 1)}",
                  "M'(0) = \\mu e^{0}\\,e^{\\mu(e^{0} - 1)} = \\mu",
                  "\\mathcal{I}(a, b) = -\\begin{pmatrix}\\ell_{aa} & \\ell_{ab}\\\\ \\ell_{ab} & \\ell_{bb}\\end{pmatrix}",
                  "w_i = \\Big[\\operatorname{Var}(Y_i)\\Big(\\frac{d\\eta_i}{d\\mu_i}\\Big)^2\\Big]^{-1}",
                  "\\beta^{(1)} = 0 + \\frac{U(0)}{\\mathcal{I}(0)} = \\frac{8 - 3}{3} = \\frac53",
                  "2\\Big[2\\log\\frac{2}{8/3} + 6\\log\\frac{6}{16/3}\\Big]"],
        notes="Definitions (11): p(y), b(theta), M(t), l(a, b), I(a, b), z_i, w_i, d(y, mu), D, l(beta), U(beta) (first links). The mgf and "
              "the variance are infinite sums against the pmf (t in [-1, 1]); d(0, mu) is sympy.limit of d(y, mu) as y -> 0+; the "
              "one-covariate statements are checked for n = 1..4; the scores and the information are sympy.diff of the written "
              "log-likelihood; the example's MLE is sympy.solve of its score, the Fisher-scoring step U(0)/I(0) is computed from it; "
              "numbers exact."),
    "rnn_bptt_homework.tex": dict(
        family=F["bp"],
        style="LaTeX homework solutions (centered header with \\\\[3pt], \\paragraph parts with [pts], macros \\pd, \\sech, \\yhat; align "
              "with \\label and \\eqref, \\[...\\] unrolling checks, align* with two chains per row separated by &, \\Bigl( \\Bigr) "
              "groups, \\tfrac and nested \\frac{2 - \\frac12}{...}, grading notes, natural \\log): a scalar Elman RNN over two steps "
              "with h_0 = 0, loss summed over both steps; tanh' = 1 - tanh^2 = sech^2 by the quotient rule; the error signals "
              "delta_2 = e_2 v(1 - h_2^2) and delta_1 = (e_1 v + delta_2 w)(1 - h_1^2) through time; the shared-weight gradients; the "
              "same gradients by differentiating the unrolled loss; numbers with u = log 2, w = (5/3) log 3 (tanh(log 2) = 3/5, "
              "tanh(log 3) = 4/5; dL/dw = -27/625, dL/du = 48/125 - (48/625) log 3, dL/dv = 1/5)",
        notation=["\\delta_1 &= \\pd{L}{a_1} = \\Bigl(\\pd{L_1}{h_1} + \\pd{L}{a_2}\\,\\pd{a_2}{h_1}\\Bigr)\\frac{dh_1}{da_1}",
                  "\\pd{L}{w} &= \\delta_1 h_0 + \\delta_2 h_1 = \\delta_2 h_1",
                  "e_2 v\\,(1 - h_2^2)\\Bigl(h_1 + w\\,\\pd{h_1}{w}\\Bigr)",
                  "h_1 &= \\tanh(\\log 2) = \\frac{2 - \\frac12}{2 + \\frac12} = \\frac35",
                  "a_2 &= w h_1 + u x_2 = \\tfrac53\\log 3\\cdot\\tfrac35 = \\log 3",
                  "\\Bigl(\\frac35 - \\frac{9}{125}\\cdot\\frac53\\log 3\\Bigr)\\frac{16}{25}"],
        notes="Definitions (2): delta_2, delta_1 (first links). The loss is written as the unrolled function of (w, u, v) with h_0 = 0; "
              "delta_t is sympy.diff of the loss written in free pre-activations a_1, a_2 (for delta_1 with a_2 = w tanh(a_1) + u x_2 "
              "substituted before differentiating); the weight gradients are sympy.diff of the unrolled loss; the numbers substitute "
              "x = (1, 0), u = log 2, w = (5/3) log 3, v = 1, y = (0, 1) into the same expressions; exact."),
    "tanh_mlp_backprop_notebook.md": dict(
        family=F["bp"],
        style="Markdown notebook export (italic export line, ### sections, In [n]/Out [n] Python code cells with the real printed outputs "
              "of NumPy code, single-line $$...$$ displays, \\text{out} superscripts, \\tfrac, \\Big brackets, pmatrix gradients, "
              "\\mathbf vectors, natural \\ln): a one-hidden-layer tanh network with squared error; tanh' = 4e^{2z}/(e^{2z} + 1)^2 = "
              "1 - tanh^2 through tanh = 1 - 2/(e^{2z} + 1); delta_out, dL/dv_j, dL/dc; delta_j = delta_out v_j (1 - h_j^2) by the chain "
              "rule; dL/dW_jk = delta_j x_k, dL/db_j, dL/dx_k; an exact two-unit example with weights ln 2, ln 3 (h_1 = 3/5, h_2 = 0, "
              "L = 2/25, delta = (-32/125, -4/5)), the gradient matrix, the v-gradient and the input gradient; a central-difference check",
        notation=["\\delta_j = \\frac{\\partial L}{\\partial z_j} = \\frac{\\partial L}{\\partial\\hat y}\\,\\frac{\\partial\\hat y}{\\partial h_j}\\,\\frac{\\partial h_j}{\\partial z_j}",
                  "\\frac{\\partial L}{\\partial x_k} = \\sum_{j=1}^{m}\\delta_jW_{jk}",
                  "\\frac{e^{2\\ln 2} - 1}{e^{2\\ln 2} + 1} = \\frac{4 - 1}{4 + 1} = \\frac35",
                  "\\delta_1 = -\\tfrac25\\cdot 1\\cdot\\big(1 - (\\tfrac35)^2\\big) = -\\tfrac{32}{125}",
                  "\\nabla_{\\mathbf v}L = -\\tfrac25\\begin{pmatrix}\\tfrac35\\\\ 0\\end{pmatrix}",
                  "-\\tfrac{32}{125}\\ln 2 - \\tfrac45\\ln 3"],
        notes="Definitions (6): z_j, h_j, y-hat, L, delta_out, delta_j (first links). The network statements are checked for d = 1..3 "
              "inputs, m = 1..3 hidden units and every (j, k); derivatives are sympy.diff of the written loss (delta_j of the loss written "
              "in free pre-activations). The example substitutes the stated weights into the same expressions; exact. The outputs of the "
              "code cells are not links and are the real outputs of that code."),
    "heat_equation_exam.tex": dict(
        family=F["heat"],
        style="LaTeX exam model solutions (centered header, \\section* questions with a \\pts macro and \\hfill, italic question texts, "
              "macros \\pd, \\pdd (second partials), \\decay{n} for the exponential factor; align/align* with \\label, \\eqref and "
              "\\nonumber, evaluation brackets \\Bigl[...\\Bigr]_0^1, integrals over the whole line, \\cdot products of fractions, "
              "series with \\sum_{m=0}^{\\infty}, \\tfrac12 arguments): u_n = e^{-kn^2pi^2t} sin(n pi x) satisfies u_t = k u_xx and the "
              "boundary condition; the separation constant; the Gaussian kernel G: G_t, G_x, G_xx, k G_xx = G_t, mass one and variance "
              "2kt; Fourier sine coefficients by parts for f = x (2(-1)^{n+1}/(n pi)) and f = x(1 - x) (4(1 - (-1)^n)/(n^3 pi^3)), the first "
              "three of each; the solution at the midpoint as a series and its initial value 1/4",
        notation=["k\\,\\pdd{u_n}{x} = -k n^2\\pi^2\\,\\decay{n}\\sin(n\\pi x) = \\pd{u_n}{t}",
                  "\\frac{T'(t)}{k\\,T(t)} = \\frac{X''(x)}{X(x)} = -n^2\\pi^2",
                  "&= -\\frac{1}{2kt}\\,G + \\frac{x^2}{4k^2t^2}\\,G = \\frac{1}{k}\\Bigl(-\\frac{1}{2t} + \\frac{x^2}{4kt^2}\\Bigr)G",
                  "&= 2\\Bigl[-\\frac{x\\cos(n\\pi x)}{n\\pi}\\Bigr]_0^1 + \\frac{2}{n\\pi}\\int_0^1 \\cos(n\\pi x)\\,dx",
                  "&= \\frac{4}{n^2\\pi^2}\\cdot\\frac{1 - \\cos(n\\pi)}{n\\pi} = \\frac{4\\bigl(1 - (-1)^n\\bigr)}{n^3\\pi^3}",
                  "u\\bigl(\\tfrac12, 0\\bigr) = \\frac{8}{\\pi^3}\\cdot\\frac{\\pi^3}{32} = \\frac14"],
        notes="Definitions (3): G(x, t) and b_n twice (first links). Derivatives are sympy.diff of u_n and G; n is a positive integer "
              "symbol (sampled 1..8); integrals are sympy.Integral evaluated by quadrature (the whole line split at 0), evaluation "
              "brackets F(1) - F(0); the midpoint series is summed term by term for t > 0; u(1/2, 0) is the initial value f(1/2), and "
              "the series value pi^3/32 is checked separately with mpmath.nsum."),
    "heat_kernel_blog.md": dict(
        family=F["heat"],
        style="Markdown blog post (YAML front matter with title/date/author/tags/math, ## numbered sections, single-line $$...$$ displays, "
              "\\exp\\Big( \\Big), \\partial_t and \\partial_x^2 operator notation, subscripts u_t, u_{xx}, \\langle x^2\\rangle, "
              "\\big[...\\big]_0^1 brackets, integrals split at 1/2 with a substitution s = 1 - x, \\ln and \\log both natural, bold "
              "run-in paragraph headings, \\approx after a chain): the diffusion kernel checked with logarithms (log u, u_t/u, u_x/u, "
              "u_xx/u, D u_xx/u = u_t/u); mass one and the mean squared displacement 2Dt, also from the PDE; a numerical RMS; sine modes "
              "with decay rates and half-lives (tau_3/tau_1 = 1/9); Fourier coefficients of a box (2(1 - (-1)^n)/(n pi)) and of a tent "
              "(4 sin(n pi/2)/(n^2 pi^2)) by parts, with b_1, b_2, b_3",
        notation=["\\frac{u_{xx}}{u} = \\partial_x\\Big(\\frac{u_x}{u}\\Big) + \\Big(\\frac{u_x}{u}\\Big)^2 = -\\frac{1}{2Dt} + \\frac{x^2}{4D^2t^2}",
                  "D\\,\\frac{u_{xx}}{u} = -\\frac{1}{2t} + \\frac{x^2}{4Dt^2} = \\frac{u_t}{u}",
                  "\\frac{d}{dt}\\langle x^2\\rangle = D\\int_{-\\infty}^{\\infty}x^2u_{xx}\\,dx",
                  "D\\,\\partial_x^2u_n = D\\cdot(-n^2\\pi^2)\\,u_n = -Dn^2\\pi^2u_n",
                  "\\int_0^{1/2}s\\,\\sin\\big(n\\pi(1 - s)\\big)\\,ds = (-1)^{n+1}\\int_0^{1/2}s\\sin(n\\pi s)\\,ds",
                  "b_3 = -\\frac{4}{9\\pi^2}"],
        notes="Definitions (5): u(x, t), <x^2>, u_n(x, t) and b_n twice (first links). Derivatives are sympy.diff of the kernel and of "
              "its logarithm; moments and d<x^2>/dt are sympy.Integral objects of the kernel and its derivatives (quadrature); tau_n is "
              "sympy.solve of e^{-Dn^2 pi^2 tau} = 1/2; n is a positive integer symbol (1..8); the Fourier coefficients are integrals "
              "of the stated f, the tent split at 1/2."),
    "mm1_queue_handout.tex": dict(
        family=F["queue"],
        style="LaTeX tutorial handout (\\maketitle, \\section per topic, macros \\E, \\Var, \\sumz (a sum whose bounds live in the macro), "
              "\\ddr for d/drho, \\hr for an hour unit; one numbered equation or align per step with \\label and \\eqref, \\Longrightarrow "
              "between chains, three chains per align row with & columns and an empty column pair, tuples with \\Bigl( \\Bigr), pmatrix "
              "matrices and a squared pmatrix with decimal entries, \\emph example): the M/M/1 cut equations and pi_n = (1 - rho) rho^n; the "
              "mean rho/(1 - rho) by differentiating the geometric series, the factorial moment and the variance rho/(1 - rho)^2; W, W_q and "
              "L_q from Little's law; numbers for lambda = 3, mu = 4 (L = 3, Var = 12, W = 1 h, W_q = 3/4 h, L_q = 9/4); a two-state chain: "
              "P, the stationary distribution and the check pi P = pi, the n-step matrix through the eigenvalue 1 - a - b, and P^2 by hand "
              "for a = 0.1, b = 0.3",
        notation=["\\lambda\\pi_n = \\mu\\pi_{n+1} \\quad\\Longrightarrow\\quad \\pi_{n+1} = \\rho\\,\\pi_n",
                  "&= (1 - \\rho)\\rho\\,\\ddr\\sumz \\rho^n = (1 - \\rho)\\rho\\,\\ddr\\,\\frac{1}{1 - \\rho}",
                  "(1 - \\rho)\\rho^2\\,\\frac{d^2}{d\\rho^2}\\,\\frac{1}{1 - \\rho}",
                  "W = \\frac{L}{\\lambda} = \\frac{1}{\\lambda}\\cdot\\frac{\\lambda/\\mu}{1 - \\lambda/\\mu} = \\frac{1}{\\mu - \\lambda}",
                  "W_q &= \\frac{3}{4(4 - 3)} = \\frac34\\hr",
                  "\\pi P = \\Bigl(\\frac{b(1 - a) + ab}{a + b},\\ \\frac{ab + a(1 - b)}{a + b}\\Bigr) = \\pi"],
        notes="Definitions (5): L, W, W_q, L_q, P (first links). rho = lambda/mu with lambda in [0.3, 1] and mu in [2, 3] (rho <= 0.5); the "
              "stationary sums are infinite sums summed term by term, derivatives of 1/(1 - rho) are sympy.diff, the derivative of the "
              "geometric series is summed termwise; the cut equations are checked for the stated pi_n at integer n (1..8). The two-state "
              "stationary law is sympy.solve of pi P = pi with pi_1 + pi_2 = 1; P^n is repeated multiplication for n = 1..4; decimals are "
              "exact rationals."),
    "markov_queue_study_notes.md": dict(
        family=F["queue"],
        style="Markdown study-group notes (italic attendance line, --- rules, ## parts, names attached to each argument, single-line "
              "$$...$$ displays, pmatrix with \\frac entries and a squared pmatrix, \\Pi for a rank-one matrix, \\mathbb{E}, "
              "\\operatorname{Var}, \\text{min} units, check marks, an open question): a two-state chain with general a, b: the stationary "
              "distribution by balance, the check (pi P)_1 = pi_1, the characteristic polynomial, P^n = Pi + (1 - a - b)^n (I - Pi) with the "
              "base case and induction step, P^2 for a = 1/4, b = 1/2 two ways; the M/M/1 queue through its probability generating "
              "function G(z): E[N] = G'(1), G''(1) = E[N(N - 1)], the variance, the mean again as a tail sum; Little's law numbers for "
              "lambda = 2, mu = 5 (L = 2/3, W = 1/3 min, W_q = 2/15 min, L_q = 4/15, Var = 10/9)",
        notation=["(\\pi P)_1 = \\pi_1(1 - a) + \\pi_2 b = \\frac{b - ab + ab}{a + b} = \\pi_1",
                  "\\det(P - sI) = (1 - a - s)(1 - b - s) - ab = (s - 1)(s - 1 + a + b)",
                  "\\Pi + (1 - a - b)(I - \\Pi) = (a + b)\\Pi + (1 - a - b)I = P",
                  "G(z) = \\mathbb{E}\\big[z^N\\big] = \\sum_{n=0}^{\\infty}(1 - \\rho)\\rho^nz^n = \\frac{1 - \\rho}{1 - \\rho z}",
                  "\\mathbb{E}[N] = \\sum_{k=1}^{\\infty}P(N \\ge k) = \\sum_{k=1}^{\\infty}\\rho^k = \\frac{\\rho}{1 - \\rho}",
                  "W_q = W - \\frac1\\mu = \\frac13 - \\frac15 = \\frac{2}{15}\\ \\text{min}"],
        notes="Definitions (2): P and G(z) (first links). The stationary law is sympy.solve of the balance equations; P^n is repeated "
              "multiplication for n = 1..4; the pgf, its derivatives and the moments: infinite sums summed term by term against pi_n = "
              "(1 - rho) rho^n (rho in [0.1, 0.5], z in [0.3, 1]) and sympy.diff of the closed form; P(N >= k) is the sum of pi_j over j = k..k + 300 (rho^300 < 1e-90). "
              "The numbers use the M/M/1 formulas W = 1/(mu - lambda), W_q = lambda/(mu(mu - lambda)), L_q = rho^2/(1 - rho); exact."),
    "ridge_shrinkage_problem_set.tex": dict(
        family=F["ridge"],
        style="LaTeX problem-set solutions (a header line with \\hfill and \\hrule, \\subsection* per problem, macros \\E, \\Var, \\Bias, "
              "\\MSE, \\bl for the ridge estimate, \\sumi; align with \\tag{1.1}-style tags and \\nonumber, equation with \\tag, "
              "\\[...\\] with two chains separated by \\qquad, a derivative evaluated with \\Big|_{\\lambda = 0}, \\text{so} between chains, "
              "\\approx after a chain): ridge through the origin: the criterion, its derivative, the estimate sum x_i y_i/(S + lambda); its "
              "mean, bias -lambda beta/(S + lambda) and variance sigma^2 S/(S + lambda)^2; the MSE; dMSE/dlambda = 2S(lambda beta^2 - "
              "sigma^2)/(S + lambda)^3 by the quotient rule; lambda* = sigma^2/beta^2, the MSE there and the gain over least squares; the "
              "prediction error sigma^2 + bias^2 + variance at a new point; a data set x = (1, 2, 2), y = (1, 3, 2): beta-hat = 11/(9 + "
              "lambda), the slope at 0, MSE(1) = 1/10 and its split into bias^2 and variance",
        notation=["J'(\\beta) &= -2\\sumi x_i(y_i - \\beta x_i) + 2\\lambda\\beta",
                  "\\Bias(\\bl) = \\frac{\\beta S}{S + \\lambda} - \\beta = -\\frac{\\lambda\\beta}{S + \\lambda}",
                  "&= \\frac{2\\bigl[\\lambda\\beta^2(S + \\lambda) - \\lambda^2\\beta^2 - \\sigma^2 S\\bigr]}{(S + \\lambda)^3}",
                  "\\MSE(0) - \\MSE(\\lambda^*) = \\frac{\\sigma^2}{S} - \\frac{\\sigma^2\\beta^2}{S\\beta^2 + \\sigma^2}",
                  "&= \\sigma^2 + \\bigl(f(x_0) - \\E\\hat f(x_0)\\bigr)^2 + \\Var\\bigl(\\hat f(x_0)\\bigr)",
                  "\\frac{d\\MSE}{d\\lambda}\\Big|_{\\lambda = 0} = \\frac{2\\cdot 9\\,(0 - 1)}{9^3} = -\\frac{2}{81}"],
        notes="Definitions (2): J(beta) and MSE(lambda) (first links). Statements are checked for n = 1..4 design points; the estimate is "
              "sympy.solve of J'(beta) = 0; means, variances and the MSE are polynomial expectations over independent errors with mean 0 "
              "and variance sigma^2 (y_i = beta x_i + eps_i), the MSE derivative is sympy.diff of that expectation and lambda* is "
              "sympy.solve of it; the prediction error includes an independent eps_0. The data set uses beta = 1, sigma^2 = 1 as stated; exact."),
    "ridge_cv_course_page.md": dict(
        family=F["ridge"],
        style="Markdown course web page (YAML front matter with layout/title/course/permalink/math, reading and lab lines, ## numbered "
              "sections, single-line $$...$$ displays, \\text{OLS} subscripts, s_\\lambda and s^* names, \\mathrm{MSE} and \\mathrm{CV}, "
              "\\sum_i and \\sum_j without bounds, a quiz reference, \\approx after a chain): ridge as OLS times the shrinkage factor "
              "s_lambda = S/(S + lambda); bias and variance through s; m(s), its derivative and the best factor s*; ds/dlambda and the MSE "
              "slope by the chain rule; s at lambda* equals s*; the cross term and noise + bias^2 + variance for any estimate; the "
              "leave-one-out estimate and the held-out residual (y_i - beta-hat x_i)/(1 - h_i) without refitting; CV(lambda); a four-point "
              "example at lambda = 3 (held-out errors 0, 1, 9/8, 9/5, one refit check, CV(3) = 8809/6400, CV(0) = 43/100)",
        notation=["\\hat\\beta_\\lambda = \\frac{\\sum_i x_iy_i}{S + \\lambda} = \\frac{S}{S + \\lambda}\\cdot\\frac{\\sum_i x_iy_i}{S} = s_\\lambda\\,\\hat\\beta_{\\text{OLS}}",
                  "s^* = \\frac{\\beta^2}{\\beta^2 + \\sigma^2/S} = \\frac{S\\beta^2}{S\\beta^2 + \\sigma^2}",
                  "\\frac{d\\,\\mathrm{MSE}}{d\\lambda} = \\frac{dm}{ds}\\,\\frac{ds_\\lambda}{d\\lambda}",
                  "\\mathbb{E}\\big[(Y - f)(f - \\hat f)\\big] = \\mathbb{E}[\\varepsilon]\\,\\mathbb{E}[f - \\hat f] = 0",
                  "\\frac{(S + \\lambda)(y_i - \\hat\\beta_\\lambda x_i)}{S + \\lambda - x_i^2} = \\frac{y_i - \\hat\\beta_\\lambda x_i}{1 - h_i}",
                  "\\hat\\beta_3^{(-4)} = \\frac{9 - 2\\cdot 3}{6 - 4 + 3} = \\frac35"],
        notes="Definitions (4): beta-hat_lambda, m(s), beta-hat_lambda^(-i), CV(lambda) (first links). Ridge fits (full and leave-one-out) "
              "are sympy.solve of the derivative of the penalised criterion, for n = 1..4 points and every i; bias, variance, m(s) and the "
              "MSE are polynomial expectations over independent errors (mean 0, variance sigma^2); s* and lambda* are sympy.solve; the "
              "decomposition uses Y = f + eps and f-hat = m + U with eps, U independent, mean 0, variances sigma^2 and v. CV(lambda) is "
              "the mean of squared refit residuals. The example's numbers are exact."),
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
