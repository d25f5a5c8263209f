#!/usr/bin/env python3
"""Write the planted copies and MANIFEST.json of corpus_ml17.

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
    "cls": "classification_losses_focal_label_smoothing_distillation",
    "svm": "soft_margin_svm_hinge_lagrangian_dual",
    "lasso": "lasso_elastic_net_soft_thresholding_coordinate_descent",
    "kf": "scalar_kalman_filter_optimal_gain_riccati",
    "flow": "normalizing_flows_change_of_variables_coupling_planar",
    "conj": "beta_bernoulli_dirichlet_categorical_conjugacy_evidence",
}

META = {
    "focal_loss_lecture.tex": dict(
        family=F["cls"],
        style="LaTeX lecture scribe notes (\\maketitle with \\\\[2pt] in the author, \\newcommand macros \\FL, \\CE, \\LKD, "
              "\\DeclareMathOperator{\\softmax}, numbered equation/align with \\label, \\eqref and \\nonumber rows, a chain "
              "continued over three align rows, an evaluation bar \\Big|_{\\gamma = 0}, two chains side by side in \\[...\\] "
              "separated by \\qquad, a whole cases environment as one side of a link, tuples compared entry by entry, "
              "Kronecker delta in sums with symbolic bound K, natural \\log): binary focal loss -alpha(1 - p)^gamma log p with "
              "p = sigma(z); dFL/dp, dFL/dz by the chain rule in its own terms and written out in z; gamma = 0 gives alpha(p - 1) "
              "and the cross-entropy gradient p - 1; worked point z = log 3 (p = 3/4, FL = log(4/3)/64, gradient 3/128 log(3/4) - "
              "1/256); label smoothing: smoothed targets, the loss as log-sum-exp, gradient p_j - y~_j and its cases; K = 3 example "
              "(-1/3, 1/6, 1/6); distillation with temperature T: gradient (1/T)(p_T - q_T), the T^2 scaling, numbers 1/8 and 1/2",
        notation=["\\FL(z) = -\\alpha(1 - p)^\\gamma\\log p = -\\alpha\\bigl(1 - \\sigma(z)\\bigr)^\\gamma\\log\\sigma(z).",
                  "&= \\alpha(1 - p)^\\gamma\\bigl(\\gamma p\\log p + p - 1\\bigr). \\label{eq:flgrad}",
                  "\\frac{d\\FL}{dz}\\Big|_{\\gamma = 0} = \\alpha(p - 1), \\qquad",
                  "p = \\sigma(\\log 3) = \\frac{1}{1 + e^{-\\log 3}} = \\frac{1}{1 + 1/3} = \\frac34",
                  "&= -\\tilde y_j + p_j\\sum_{k=1}^{K}\\tilde y_k = p_j - \\tilde y_j . \\label{eq:lsgrad}",
                  "\\frac{\\partial\\LKD}{\\partial z_j} = \\frac1T\\sum_{k=1}^{K}q_{T,k}\\,(p_{T,j} - \\delta_{kj}) = \\frac1T\\,(p_{T,j} - q_{T,j})."],
        notes="Definitions (5): FL(z), p = sigma(log 3) at the worked point, y~_k, L(z), L_KD (first links). Derivatives are sympy.diff "
              "of the loss written as a function of the logit (focal: -alpha(1 - sigma(z))^gamma log sigma(z); label smoothing and "
              "distillation: -sum of targets times log softmax) for K = 1..4 classes, every true class c and every coordinate j; "
              "the worked numbers substitute z = log 3, alpha = 1/4, gamma = 2 and the K = 3, K = 2 examples into the same "
              "expressions; exact."),
    "distillation_blog.md": dict(
        family=F["cls"],
        style="Markdown blog post (YAML front matter with title/date/author/tags/math, ## sections, single-line $$...$$ displays, "
              "a chain continued across two $$ blocks (the second starts with =), p_t/alpha_t RetinaNet shorthand with a cases "
              "environment over the label, \\Big|_{y = 1}, \\mathrm{KL}, \\mathcal{L}_{\\text{KD}}, a display on the same line as "
              "text, decimals 0.9 and 0.1 inside a display, a Python code fence containing =, natural \\ln): focal loss for "
              "y in {0, 1} with dp_t/ds = (2y - 1)p_t(1 - p_t), the gradient by the chain rule and in its own terms "
              "(-gamma p FL - alpha(1 - p)^(gamma + 1)), the cross-entropy limit p - y; a misclassified negative at s = ln 3 "
              "(FL = 27/32 ln 2, gradient 27/64(ln 2 + 3/4)); label smoothing as H(y~) + KL(y~ || p), log-sum-exp gradient, the "
              "vector form, the finite optimal logit gap ln(1 + K(1 - eps)/eps) and ln 28; distillation: KL(q^tau || p^tau), the "
              "tempered softmax Jacobian, gradient (1/tau)(p - q), the tau^2 factor, the two-class sigmoid, numbers (1/2) ln 3 and 1",
        notation=["\\frac{dp_t}{ds} = \\begin{cases} p(1 - p) & \\text{(positive)}\\\\ -p(1 - p) & \\text{(negative)} \\end{cases} = (2y - 1)\\,p_t(1 - p_t)",
                  "$$= (2y - 1)\\,\\alpha_t(1 - p_t)^{\\gamma}\\big[\\gamma\\,p_t\\ln p_t - (1 - p_t)\\big].$$",
                  "\\frac{d\\,\\mathrm{FL}}{ds}\\Big|_{y = 1} = -\\gamma\\,p\\,\\mathrm{FL} - \\alpha(1 - p)^{\\gamma + 1}",
                  "\\mathcal{L}(s) = -\\sum_{k=1}^{K}\\tilde y_k\\ln p_k = H(\\tilde y) + \\mathrm{KL}(\\tilde y \\,\\|\\, p)",
                  "s_1 - s_2 = \\ln\\Big(1 + \\frac{3\\cdot 0.9}{0.1}\\Big) = \\ln 28",
                  "\\frac{\\partial\\mathcal{L}_{\\text{KD}}}{\\partial s_j} = \\tau^2\\cdot\\frac{1}{\\tau}\\big(p^\\tau_j - q^\\tau_j\\big) = \\tau\\big(p^\\tau_j - q^\\tau_j\\big)"],
        notes="Definitions (2): FL(p_t) and L(s) (first links). The label y is a context (y = 1 and y = 0); derivatives are sympy.diff "
              "in the logit s of the loss written with p_t = sigma(s) or 1 - sigma(s); label smoothing and distillation are checked "
              "for K = 1..4 classes, every true class and every index j, k; the optimal gap is sympy.solve of dL/ds_c = 0 with the "
              "other logits equal (K = 2, 3, 4) and at K = 3, eps = 1/10; KL and gradients at the numeric example are the same "
              "expressions at s = (2 ln 3, 0), a = (0, 2 ln 3), tau = 2; exact."),
    "svm_dual_exam.tex": dict(
        family=F["svm"],
        style="LaTeX exam model solutions (centered header, \\pts{} macro for points, \\tag{3.1} with \\label and \\eqref, an "
              "\\inner macro in prose, equation with two cases environments side by side, a one-sided limit, align with \\tag rows, "
              "a three-row align chain whose first row is very long, double sums with symbolic bound n, pmatrix literals, grading "
              "notes, \\tfrac): hinge loss max(0, 1 - m) as cases and its derivative cases; squared hinge, h'(m) = -2 max(0, 1 - m), "
              "the left limit at the kink; the soft-margin Lagrangian with alpha_i, mu_i; dL/dw, dL/db, dL/dxi_i; stationarity "
              "w = sum alpha_i y_i x_i, sum alpha_i y_i = 0, mu_i = C - alpha_i; substitution back to the dual sum alpha_i - (1/2) "
              "sum_i sum_j alpha_i alpha_j y_i y_j x_i^T x_j; a three-point example solved by hand: D(alpha) = 2 alpha - 4 alpha^2, "
              "alpha* = 1/4, w = (1/2, 1/2), b = -1, margins 1 and 2, width 2/||w|| = 2 sqrt 2, no duality gap (1/4)",
        notation=["\\ell(m) = \\max(0, 1 - m) = \\begin{cases} 1 - m, & m < 1,\\\\ 0, & m \\ge 1, \\end{cases}",
                  "\\lim_{m\\to 1^-} h'(m) = \\lim_{m\\to 1^-} 2(m - 1) = 0 .",
                  "\\frac{\\partial\\mathcal{L}}{\\partial \\xi_i} &= C - \\alpha_i - \\mu_i, \\tag{3.6}",
                  "&= \\sum_{i=1}^{n}\\alpha_i - \\frac12\\sum_{i=1}^{n}\\sum_{j=1}^{n}\\alpha_i\\alpha_j y_i y_j\\,x_i^\\top x_j . \\tag{3.7}\\label{eq:dual}",
                  "w = \\alpha^\\star(x_1 - x_2) = \\frac14\\begin{pmatrix}2\\\\2\\end{pmatrix} = \\begin{pmatrix}1/2\\\\1/2\\end{pmatrix}, \\qquad",
                  "\\frac{2}{\\|w\\|} = \\frac{2}{\\sqrt{1/4 + 1/4}} = 2\\sqrt2 = \\|x_1 - x_2\\| ,"],
        notes="Definitions (3): l(m), h(m) and the Lagrangian (first links). Piecewise losses are sympy.Max and sympy.Piecewise; "
              "derivatives are sympy.diff (sampled away from the kink); the one-sided limit is sympy.Limit. The Lagrangian is "
              "written for n = 1..4 points in R^2 with labels (1, -1, 1, -1); its derivatives are sympy.diff; w is sympy.solve of "
              "dL/dw = 0 and mu_i of dL/dxi_i = 0; the links that use sum alpha_i y_i = 0 and mu_i = C - alpha_i are checked in "
              "contexts that impose them (alpha_n solved from the constraint), the others also with free multipliers. The example "
              "computes D from the general dual formula, alpha* by sympy.solve and b from y_1 f(x_1) = 1; exact."),
    "svm_hinge_forum.md": dict(
        family=F["svm"],
        style="Markdown forum thread (a title, an asker line, the question in a blockquote with two displays, an accepted answer, "
              "a $$\\begin{aligned}...\\end{aligned}$$ chain over two rows, \\mathbb{1}[...] indicators with a comparison inside, a "
              "cases environment in a three-member chain, comments as list items with an indented display, a second answer with "
              "a worked example, displays on the same line as text, pmatrix literals, \\tfrac, a Python code fence containing =; "
              "lambda is the multiplier here and the regularisation weight in Pegasos, said so in a comment): the Lagrangian with "
              "lambda_i, nu_i, its three derivatives, ||w||^2 and sum lambda_i y_i w^T x_i as double sums, the dual by substitution; "
              "the unconstrained hinge form, its subgradient and the gradient of J; the squared hinge's first and second "
              "derivatives; two points (2, 1), (0, 0): D(lambda) = 2 lambda - (5/2) lambda^2, lambda* = 2/5, w = (4/5, 2/5), b = -1, "
              "margin sqrt 5, D = J = 2/5",
        notation=["L = \\frac12\\|w\\|^2 + C\\sum_i\\xi_i - \\sum_i\\lambda_i\\big[y_i(w^\\top x_i + b) - 1 + \\xi_i\\big] - \\sum_i\\nu_i\\xi_i",
                  "\\sum_i\\lambda_i y_i\\,w^\\top x_i = \\sum_i\\sum_j\\lambda_i\\lambda_j y_i y_j\\,x_j^\\top x_i = \\|w\\|^2",
                  "&= \\sum_i\\lambda_i - \\tfrac12\\sum_i\\sum_j\\lambda_i\\lambda_j y_i y_j\\,x_i^\\top x_j",
                  "= -y\\,x\\,\\mathbb{1}[y(w^\\top x + b) < 1]",
                  "\\frac{d^2}{dm^2}\\max(0, 1 - m)^2 = 2\\,\\mathbb{1}[m < 1]",
                  "b = 1 - w^\\top x_1 = 1 - \\Big(\\frac85 + \\frac25\\Big) = -1"],
        notes="Definitions (1): the Lagrangian L (first link). Everything is checked for n = 1..4 points in R^2 with labels "
              "(1, -1, -1, 1); derivatives are sympy.diff; w at its stationary value is the sum lambda_i y_i x_i; the second row of "
              "the aligned chain is checked in contexts that impose sum lambda_i y_i = 0 and nu_i = C - lambda_i; the hinge and its "
              "square are sympy.Max, the subgradient and the indicators sympy.Piecewise (sampled away from kinks). The example "
              "computes D from the dual formula, lambda* by sympy.solve and b from y_1 f(x_1) = 1; exact."),
    "lasso_appendix.tex": dict(
        family=F["lasso"],
        style="LaTeX paper appendix (\\section renumbered A, amsthm lemma with proof, \\DeclareMathOperator for \\sign and \\prox, "
              "\\DeclareMathOperator* for \\argmin with limits, a cases environment next to \\sign(c)\\max(|c| - lambda, 0), "
              "\\displaystyle inline math, equation/align with \\label, \\eqref and \\nonumber, an evaluation bar |_{alpha = 0}, "
              "\\tfrac and slash fractions, sums over k != j, natural logs said but not needed): the lasso objective with 1/(2n); "
              "soft-thresholding; the lemma argmin {(a/2)b^2 - cb + lambda|b|} = S_lambda(c)/a by cases of the subgradient; the prox "
              "of the l1 norm; the partial residual r_j; the coordinate derivative; the coordinate update; the elastic net, its "
              "update and its prox form; worked numbers S_1(3), S_1(-1/2), S_1(-5/2), one exact sweep for orthogonal columns "
              "(beta = (3/2, 1/2), F = 5/4) and the elastic-net step 7/5",
        notation=["S_\\lambda(c) = \\begin{cases} c - \\lambda, & c > \\lambda,\\\\ 0, & |c| \\le \\lambda,\\\\ c + \\lambda, & c < -\\lambda, \\end{cases}",
                  "\\argmin_{b\\in\\mathbb{R}}\\Bigl\\{\\frac{a}{2}b^2 - cb + \\lambda|b|\\Bigr\\} = \\frac{S_\\lambda(c)}{a} .",
                  "\\prox_{\\lambda|\\cdot|}(c) = \\argmin_{b}\\Bigl\\{\\tfrac12(b - c)^2 + \\lambda|b|\\Bigr\\} = S_\\lambda(c).",
                  "r_j = y - \\sum_{k\\ne j}x_k\\beta_k = y - X\\beta + x_j\\beta_j .",
                  "\\beta_j^{\\mathrm{new}}\\big|_{\\alpha = 0} &= \\frac{\\tfrac1n x_j^\\top r_j}{\\tfrac1n\\|x_j\\|_2^2 + \\lambda} . \\nonumber",
                  "\\beta_1^{\\mathrm{en}} = \\frac{S_{1/4}(2)}{1 + \\frac14} = \\frac{7/4}{5/4} = \\frac75 ."],
        notes="Definitions (5): F, S_lambda, r_j, F_en, z_1 (first links). Every argmin is computed independently of the text: the "
              "stationary point of each smooth piece (|b| = b and |b| = -b) by sympy.solve, kept if it lies on its piece, otherwise "
              "the kink 0 (strict convexity makes this the minimiser), applied to the objective as written (for the coordinate "
              "updates, to F(beta) as a function of beta_j for n = 1..3 samples, p = 1..3 features and every j); soft-thresholding "
              "is sympy.Piecewise; derivatives are sympy.diff; the example runs the same argmin on the data; exact."),
    "lasso_notebook.md": dict(
        family=F["lasso"],
        style="Markdown notebook export (In [n]/Out [n] cells with the real outputs of pure-Python code using fractions, code "
              "fences containing =, displays inside list items and on the same line as text, \\operatorname*{argmin}, "
              "\\operatorname{sign}, (t)_+, max/min clipping, a three-member chain on one very long line, sums over k \\neq j, "
              "tuples, natural logs said but not needed, no 1/n in the objective): the lasso J(w); the 1-D problem g(w) = "
              "(1/2)(w - z)^2 + lambda|w|, its derivative and the solution on each piece; S_lambda(z) = sign(z)(|z| - lambda)_+ = "
              "z - clip(z); the coordinate derivative split into rho_j and a_j w_j; rho_j from the full residual; the update "
              "S_lambda(rho_j)/a_j; a hand check of the first sweep (rho_1 = 5, w_1 = 2, r = (0, 1, 1), rho_2 = 2, w_2 = 1/2), the "
              "limit (5/3, 2/3) with J = 8/3; elastic net as rescaled soft-thresholding, its prox, and the step w_1 = 1",
        notation=["S_\\lambda(z) = \\operatorname{sign}(z)\\,(|z| - \\lambda)_+ = z - \\max\\big(-\\lambda, \\min(\\lambda, z)\\big)",
                  "\\rho_j = \\sum_{i=1}^{n}x_{ij}\\Big(y_i - \\sum_{k\\neq j}x_{ik}w_k\\Big) = \\sum_{i=1}^{n}x_{ij}r_i + a_j w_j",
                  "w_j^{+} = \\operatorname*{argmin}_{w_j} J(w) = \\frac{S_\\lambda(\\rho_j)}{a_j}",
                  "r = y - x_1 w_1 = (2 - 2,\\ 3 - 2,\\ 1 - 0) = (0, 1, 1)",
                  "\\frac{\\partial J_{\\mathrm{en}}}{\\partial w_j} = -\\rho_j + a_j w_j + \\lambda_2 w_j + \\lambda_1\\operatorname{sign}(w_j)",
                  "w_1^{\\mathrm{en}} = \\frac{S_1(5)}{a_1 + \\lambda_2} = \\frac{4}{4} = 1"],
        notes="Definitions (4): J, g, S_lambda, rho_j (first links). Argmins are computed as in the appendix (stationary point of "
              "each smooth piece by sympy.solve, kept if on its piece, else 0) on J and J_en as written, for n = 1..3 samples, "
              "p = 1..3 features and every j; the limit point is sympy.solve of the KKT equations (both coordinates positive); "
              "the first sweep repeats the argmin on the data; the code outputs are the real outputs of the cells (not links); exact."),
    "kalman_homework.tex": dict(
        family=F["kf"],
        style="LaTeX homework solutions (centered header with \\\\[3pt], \\paragraph problems, \\E and \\xm macros (\\xm is the "
              "prediction hat x_k^-), expectations of squared errors expanded term by term, a four-row align chain with \\label on "
              "the last row, \\eqref, align* chains continued over two rows, two chains side by side in \\[...\\], a remark for "
              "graders, no logarithms (natural if any)): predict step P^- = a^2 P + Q from E[(a e + w)^2]; the error (1 - K)e^- - Kv "
              "for any gain; P(K) = (1 - K)^2 P^- + K^2 R; dP/dK and d^2P/dK^2; the optimal gain; the posterior variance in four "
              "forms; the information form; the posterior mean as a precision-weighted average; the random-walk Riccati equation, "
              "its quadratic and positive root, P_inf and K_inf; numbers Q = 1, R = 2 (M = 2, P = 1, K = 1/2) and two steps "
              "(x_1 = 3/2, x_2 = 5/4)",
        notation=["P_k^- = \\E\\bigl[(a\\,e_{k-1} + w_k)^2\\bigr] = a^2\\E[e_{k-1}^2] + 2a\\,\\E[e_{k-1}w_k] + \\E[w_k^2] = a^2P_{k-1} + Q ,",
                  "x_k - \\hat x_k = x_k - \\xm - K(x_k + v_k - \\xm) = (1 - K)\\,e_k^- - K v_k ,",
                  "\\frac{dP_k}{dK} = -2(1 - K)P_k^- + 2KR = 2\\bigl[K(P_k^- + R) - P_k^-\\bigr]",
                  "&= (1 - K_k)P_k^- . \\label{eq:Ppost}",
                  "&= \\frac{R\\,\\xm + P_k^-z_k}{P_k^- + R} = P_k\\Bigl(\\frac{\\xm}{P_k^-} + \\frac{z_k}{R}\\Bigr).",
                  "P_\\infty = M - Q = \\frac{Q + \\sqrt{Q^2 + 4QR}}{2} - Q = \\frac{\\sqrt{Q^2 + 4QR} - Q}{2},"],
        notes="Definitions (3): P_k^-, P_k(K), hat x_k (first links). Expectations are computed from independent zero-mean "
              "variables with their variances (E[e^2] = P, E[w^2] = Q, E[e w] = 0, ...), never from the text's forms; the optimal "
              "gain is sympy.solve of dP/dK = 0; the steady state M is the positive root of the Riccati equation by sympy.solve; "
              "the links 'M = MR/(M + R) + Q' and 'M^2 - QM - QR = 0' are checked at that root; the two steps run the recursion; exact."),
    "kalman_cheatsheet.md": dict(
        family=F["kf"],
        style="Markdown cheat sheet (YAML front matter with title/course/version/tags, numbered ## sections, bold item names, "
              "displays indented inside list items and on the same line as text, two chains side by side separated by \\qquad "
              "or \\quad, bold 'Common mistakes', a Python code fence containing = and a line with its real output, m/v for "
              "mean/variance, K the gain next to k the time index, natural logs): predict m^- = f m, v^- = f^2 v + q; innovation "
              "and S; the gain; the mean as a weighted average; the variance in three forms; information form for the variance "
              "and the mean; completing the square (Bayes route); v(K) for any gain, dv/dK, K*, v(K*) and the excess "
              "(v^- + r)(K - K*)^2; random-walk steady state in the posterior variance, the quadratic, the root in two forms, "
              "K_inf = v_inf/r; numbers q = 2, r = 4 (v = 2, K = 1/2) and one step (m_1 = 3, v_1 = 2)",
        notation=["$$K_k = \\frac{v_k^-}{S_k} = \\frac{v_k^-}{v_k^- + r}$$",
                  "$$v_k = (1 - K_k)v_k^- = v_k^- - \\frac{(v_k^-)^2}{v_k^- + r} = \\frac{v_k^-r}{v_k^- + r}$$",
                  "-\\frac{(x - m^-)^2}{2v^-} - \\frac{(y - x)^2}{2r} = -\\frac12\\Big(\\frac{1}{v^-} + \\frac{1}{r}\\Big)(x - m)^2 - \\frac{(y - m^-)^2}{2(v^- + r)}",
                  "$$v(K) - v(K^\\star) = (v^- + r)(K - K^\\star)^2$$",
                  "v_\\infty = \\frac{-q + \\sqrt{q^2 + 4qr}}{2} = \\frac{2qr}{q + \\sqrt{q^2 + 4qr}}",
                  "v_1^- = 2 + 2 = 4, \\quad K_1 = \\frac{4}{4 + 4} = \\frac12"],
        notes="Definitions (6): m_k^-, v_k^-, nu_k, S_k, m_k, v(K) (first links). Variances are expectations of polynomials in "
              "independent zero-mean variables; the gain is sympy.solve of dv/dK = 0; completing the square is an identity in "
              "x, y, m^-, v^-, r with m the updated mean; the steady state is the positive root (sympy.solve) of the fixed-point "
              "equation, at which the Riccati and quadratic links are checked; the numbers run the same formulas; exact."),
    "flows_problem_set.tex": dict(
        family=F["flow"],
        style="LaTeX problem-set solutions (\\section* per problem, \\DeclareMathOperator for \\sech and \\logit, a \\dd macro for "
              "the upright d, sigma the sigmoid except in one problem where it is a scale (said so), unknown functions s and t in "
              "a coupling layer, a 2 x 2 pmatrix with function entries, primes on named functions (s'(z_1), t'(z_1), f'(\\log 2)), "
              "a determinant of I plus a rank-one matrix, a sum with bounds d + 1 and D, a definite integral over (0, 1), "
              "natural \\log): change of variables from the distribution function; the affine flow and its log-density, a value "
              "at x = 3; the 1-D planar flow f' = 1 + uw sech^2 = 1 + uw(1 - tanh^2), the determinant lemma in R^2, tanh(log 2) "
              "= 3/5 and f'(log 2) = 41/25; the 2-D affine coupling layer: its off-diagonal derivative, triangular Jacobian, "
              "det = e^s, log-det = s, inverse and log-density; the D-dimensional log-det; the sigmoid/logit flow, the logit-normal "
              "density, its normalisation and values at 1/2 and 3/4",
        notation=["p_X(x) = \\frac{\\dd}{\\dd x}F_Z\\bigl(f^{-1}(x)\\bigr) = p_Z\\bigl(f^{-1}(x)\\bigr)\\,\\frac{\\dd f^{-1}(x)}{\\dd x} = \\frac{p_Z(z)}{f'(z)},",
                  "f'(z) = 1 + uw\\sech^2(wz + b) = 1 + uw\\bigl(1 - \\tanh^2(wz + b)\\bigr),",
                  "\\det\\frac{\\partial f}{\\partial z} = \\det\\bigl(I + h'(w^\\top z + b)\\,u w^\\top\\bigr) = 1 + h'(w^\\top z + b)\\,u^\\top w .",
                  "\\frac{\\partial y_2}{\\partial z_1} = \\frac{\\partial}{\\partial z_1}\\bigl(z_2e^{s(z_1)} + t(z_1)\\bigr) = z_2\\,s'(z_1)\\,e^{s(z_1)} + t'(z_1),",
                  "\\log|\\det J| = \\sum_{i=d+1}^{D} s_i(z_{1:d}) .",
                  "p_Y(y) = \\frac{\\varphi(\\logit y)}{y(1 - y)}, \\qquad \\int_0^1 p_Y(y)\\,\\dd y = 1 ,"],
        notes="No definitions. Densities are derivatives of distribution functions (Phi of the inverse map) for three concrete "
              "increasing maps (exp, affine, sinh), never the text's formula; the planar determinant in R^2 is the determinant of "
              "sympy's Jacobian; the coupling layer is checked with s, t unknown SymPy functions (proved exactly) and with a "
              "concrete pair (numerically); its log-density comes from the inverse map's Jacobian; the D-dimensional log-det from "
              "the full Jacobian for D = 2, 3, 4; the logit is sympy.solve of sigma(x) = y; the normalisation is mpmath quadrature; exact."),
    "flows_study_notes.md": dict(
        family=F["flow"],
        style="Markdown study-group notes (a title, an italic attendance line, --- rule, ## parts with the name of who presented, "
              "check marks, bold 'Toy version' and 'Open question', single-line $$ displays, displays on the same line as text, "
              "the normalising direction g = f^{-1}, a sum over K layers with primes g_k', \\operatorname{sech}, \\sigma^{-1}, "
              "a pmatrix with exponentials, partial derivatives of a pair \\partial(y_1, y_2)/\\partial(z_1, z_2), natural \\ln): "
              "p_X = p_U(g(x))|g'(x)| and its log, a stack of layers; the affine layer for either sign of a, a value at x = 4; the "
              "sigmoid layer's log-det as two softplus terms, the logit inverse and its derivative, p_Y(1/4) = (16/3) phi(ln 3); "
              "the coupling log-det as a sum of scales; a toy coupling layer, its Jacobian, determinant, inverse and the "
              "log-density at y = (ln 2, 3); the planar flow derivative in three forms, its log-det, the determinant lemma with psi, "
              "numbers at z = ln 3 (tanh = 4/5, f' = 43/25, f = ln 3 + 8/5)",
        notation=["$$\\ln p_X(x) = \\ln p_U(u) + \\sum_{k=1}^{K}\\ln\\big|g_k'(h_{k-1})\\big|$$",
                  "\\ln p_X(x) = \\ln\\varphi\\Big(\\frac{x - c}{a}\\Big) - \\ln|a| = -\\frac12\\ln(2\\pi) - \\frac{(x - c)^2}{2a^2} - \\ln|a|",
                  "\\ln\\frac{dy}{dx} = \\ln\\sigma(x) + \\ln\\big(1 - \\sigma(x)\\big) = -\\ln\\big(1 + e^{-x}\\big) - \\ln\\big(1 + e^{x}\\big)",
                  "\\frac{\\partial(y_1, y_2)}{\\partial(z_1, z_2)} = \\begin{pmatrix} 1 & 0\\\\ z_2e^{z_1} & e^{z_1} \\end{pmatrix}",
                  "\\ln p_Y(y) = \\ln p_Z(\\ln 2, 1) - \\ln 2 = -\\ln(2\\pi) - \\frac{(\\ln 2)^2}{2} - \\frac12 - \\ln 2",
                  "f'(z) = 1 + u\\,\\frac{d}{dz}\\tanh(wz + b) = 1 + uw\\,\\operatorname{sech}^2(wz + b) = 1 + uw - uw\\tanh^2(wz + b)"],
        notes="No definitions. Densities are derivatives of distribution functions for concrete maps (log, asinh, affine; a stack "
              "of K = 1..3 nonlinear layers; the affine map with a > 0 and a < 0); the coupling log-det is the log of the full "
              "Jacobian determinant for D = 2..4 and every split d; the toy layer's inverse is sympy.solve and its log-density uses "
              "the inverse Jacobian; the determinant lemma is checked against the Jacobian determinant in d = 2, 3; exact."),
    "beta_bernoulli_course_page.md": dict(
        family=F["conj"],
        style="Markdown course web page (YAML front matter with title/course/layout/permalink, learning goals, a worked example "
              "before the algebra, ## sections, single-line $$ displays, \\mathbb{E}, \\operatorname{Var}, \\Pr with \\text inside, "
              "\\hat\\theta_{\\mathrm{MAP}}, an evaluation bar with a subscript equation |_{\\theta = \\hat\\theta_{\\mathrm{MAP}}} and "
              "|_{4/7}, slash fractions inside fractions, sums with symbolic bounds k - 1, n - k - 1, n - 1, digamma psi, "
              "\\ln\\Gamma, a Python code fence containing =, natural \\ln): posterior mean 5/9 and MAP 4/7 for Beta(2, 2) and "
              "data 1, 0, 1, 1, 0; the evidence 3/140 as a ratio of Beta functions; the likelihood product; the posterior by "
              "conjugacy; the evidence integral; B(5, 4) = 1/280; the log evidence in log-Gammas; its a- and b-derivatives with psi "
              "and as finite sums, the value 167/840; posterior mean as a weighted average, posterior variance; d/dtheta log "
              "posterior and the MAP; the posterior predictive; the Laplace curvature in general and 343/12 at the example, the "
              "exact variance 2/81",
        notation=["p(x_{1:5}) = \\frac{B(5, 4)}{B(2, 2)} = \\frac{1/280}{1/6} = \\frac{3}{140}",
                  "p(x_{1:n} \\mid \\theta) = \\prod_{i=1}^{n}\\theta^{x_i}(1 - \\theta)^{1 - x_i} = \\theta^{k}(1 - \\theta)^{n - k}",
                  "\\frac{\\partial}{\\partial a}\\ln p(x_{1:n}) = \\psi(a + k) - \\psi(a + b + n) - \\psi(a) + \\psi(a + b) = \\sum_{j=0}^{k-1}\\frac{1}{a + j} - \\sum_{j=0}^{n-1}\\frac{1}{a + b + j}",
                  "\\mathbb{E}[\\theta \\mid x_{1:n}] = \\frac{a + k}{a + b + n} = \\frac{a + b}{a + b + n}\\cdot\\frac{a}{a + b} + \\frac{n}{a + b + n}\\cdot\\frac{k}{n}",
                  "\\Pr(\\text{next flip is } 1 \\mid x_{1:n}) = \\int_0^1 \\theta\\,p(\\theta \\mid x_{1:n})\\,d\\theta = \\frac{a + k}{a + b + n}",
                  "-\\frac{d^2}{d\\theta^2}\\ln p\\Big|_{4/7} = \\frac{4}{(4/7)^2} + \\frac{3}{(3/7)^2} = \\frac{49}{4} + \\frac{49}{3} = \\frac{343}{12}"],
        notes="Definitions (2): the likelihood and the evidence integral (first links). The likelihood is checked on every 0/1 "
              "sequence of length 1..3; the posterior, evidence, moments and predictive integrals are mpmath quadrature over (0, 1) "
              "for n = 1..4 and every k = 0..n (a, b in [1.1, 3]); the a- and b-derivatives of the log evidence differentiate the "
              "integral under the integral sign; the MAP is sympy.solve of the log-posterior derivative; the predictive is also "
              "a ratio of evidences; the Beta function is Gamma(a)Gamma(b)/Gamma(a + b); exact."),
    "dirichlet_handout.tex": dict(
        family=F["conj"],
        style="LaTeX tutorial handout (\\maketitle with a week as date, \\DeclareMathOperator for \\Dir and \\Var, \\D macro for the "
              "data, products with symbolic bound K, \\tilde\\alpha, Kronecker delta delta_{jl}, align with \\label/\\eqref/"
              "\\nonumber, an align* of Lagrangian and derivative, an align* with two chains in & columns, a 2 x 2 pmatrix with a "
              "scalar factor and slash-fraction entries, \\big|_{\\hat\\theta} bars, \\Bigl[ ... \\Bigr] of a sum, natural \\log): the "
              "categorical likelihood in counts; the Dirichlet density and multivariate Beta; normalisation for K = 2; the "
              "posterior product; posterior mean, variance and predictive; the MAP by a Lagrange multiplier (lambda = alpha_0 + N "
              "- K); the evidence as B(alpha + n)/B(alpha) and Gamma products, the K = 2 Beta ratio; the evidence gradient with "
              "psi and as finite sums; the simplex Hessian -c_j/theta_j^2 delta_jl - c_K/theta_K^2, at the mode, the Laplace variance "
              "for K = 2; a K = 3 example (means, MAP (4/7, 2/7, 1/7), evidence 1/63, predictive 1/5, gradient 271/504, Hessian)",
        notation=["p(\\D \\mid \\theta) = \\prod_{i=1}^{N}\\theta_{x_i} = \\prod_{k=1}^{K}\\theta_k^{n_k} .",
                  "\\Var(\\theta_k \\mid \\D) &= \\frac{\\tilde\\alpha_k(\\tilde\\alpha_0 - \\tilde\\alpha_k)}{\\tilde\\alpha_0^2(\\tilde\\alpha_0 + 1)}, \\nonumber\\\\",
                  "\\lambda = \\sum_{k=1}^{K}(\\alpha_k + n_k - 1) = \\alpha_0 + N - K, \\qquad",
                  "\\frac{\\partial}{\\partial\\alpha_j}\\log p(\\D) &= \\psi(\\alpha_0) - \\psi(\\alpha_0 + N) + \\psi(\\alpha_j + n_j) - \\psi(\\alpha_j) \\nonumber\\\\",
                  "= -\\frac{c_j}{\\theta_j^2}\\,\\delta_{jl} - \\frac{c_K}{\\theta_K^2},",
                  "\\hat\\theta &= \\frac{(4, 2, 1)}{6 + 4 - 3} = \\Bigl(\\frac47, \\frac27, \\frac17\\Bigr),\\\\"],
        notes="Definitions (4): the likelihood, the Dirichlet density, B(alpha), the Lagrangian (first links). Statements are "
              "checked for K = 2, 3 with every count vector in {0, 1, 2}^K (sequences of length 1..3 for the likelihood; K = 2..4 "
              "for the density and the Hessian, every j, l); the evidence is the sequential (Polya-urn) product of predictive "
              "probabilities, never the text's Gamma form; moments are ratios of multivariate Beta functions; the MAP and the "
              "multiplier are sympy.solve of the full Lagrange system; the Hessian is sympy.diff with theta_K = 1 - sum; "
              "the K = 2 normalisation is mpmath quadrature; exact."),
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
