#!/usr/bin/env python3
"""Write the planted copies and MANIFEST.json of corpus_ml6.

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
    "smx": "softmax_jacobian",
    "ce": "cross_entropy_through_softmax",
    "lr": "logistic_regression_log_loss_gradient",
    "ls": "least_squares_normal_equations_ridge",
    "gauss": "gaussian_log_likelihood_mle",
    "var": "variance_covariance_identities",
    "bp": "backprop_neuron_and_two_layer_net",
    "int": "definite_integrals",
    "sum": "series_partial_sums",
    "lse": "log_sum_exp_and_stable_softmax",
    "mle": "poisson_bernoulli_mle_fisher_information",
    "reg": "huber_l1_l2_regularised_gradients",
}

META = {
    "softmax_jacobian_casework_notes.tex": dict(
        family=F["smx"],
        style="LaTeX lecture notes (\\maketitle, \\section, \\paragraph): \\newcommand{\\dd}[2] and a parameterless \\newcommand{\\Kset}; "
              "diagonal and off-diagonal cases by the quotient rule (align with \\nonumber/\\label, one-line 3-link equation with a "
              "(j \\neq i) tag), combined with \\delta_{ij}, row sums to 0 in \\[ \\], 4-link VJP align with g_i, K = 2 reduction "
              "to the logistic function, numeric example with two chains per \\[ \\] (\\qquad)",
        notation=["s_i = \\frac{e^{z_i}}{\\sum_{k=1}^{K} e^{z_k}}", "\\dd{s_i}{z_j}", "\\left(\\frac{e^{z_i}}{\\sum_{k} e^{z_k}}\\right)^2",
                  "s_i\\bigl(\\delta_{ij} - s_j\\bigr)", "\\sum_{i=1}^{K} g_i \\dd{s_i}{z_j}", "\\sigma(z_1 - z_2)", "\\log (natural, prose)"],
        notes="Definition (1): s_i. K = 1..4 with every index; the off-diagonal chain only for i != j. Upstream g_i are free symbols "
              "(L = sum_i g_i s_i has exactly those partials). Numbers: K = 3, z = (log 3, 0, 0)."),
    "softmax_jacobian_product_rule_answer.md": dict(
        family=F["smx"],
        style="Markdown Q&A answer (blockquoted question, score line): product rule on exp(z_i) Z^{-1}, \\sum\\limits, \\exp(\\cdot), "
              "\\mathbb{1}[i=j] indicators (their '=' not counted), \\begin{align*} directly in Markdown (4 links), matrix form "
              "diag(s) - s s^T checked entrywise, \\tfrac12 numbers, VJP chain, python code fence with '='",
        notation=["Z = \\sum\\limits_{k=1}^{K} \\exp(z_k)", "\\exp(z_i)\\, Z^{-1}", "\\mathbb{1}[i=j]", "J = \\operatorname{diag}(s) - s\\, s^\\top",
                  "J_{11}, J_{12}", "\\sum_i g_i\\, s_i\\bigl(\\mathbb{1}[i=j] - s_j\\bigr)"],
        notes="Definitions (2): s_i, Z. K = 1..4, every (i, j). The matrix identity is checked entry by entry (J_{ij} = ds_i/dz_j, "
              "stated in prose). Numbers: K = 2, z = (1, 1)."),
    "crossentropy_minibatch_solutions.tex": dict(
        family=F["ce"],
        style="LaTeX problem-set model solution with \\paragraph parts (a)-(e): \\newcommand{\\logit}[2] and {\\prob}[2] for z^{(n)}_k, "
              "p^{(n)}_k; averaged mini-batch loss; 4-link align (definition + 3) using sum_k y_k = 1 in the last step; batch "
              "gradient with 1/N; gradient sums to 1 - 1 = 0; Hessian p_j(delta_ij - p_i); numeric chains with \\Bigl( \\Bigr)",
        notation=["J = -\\frac{1}{N}\\sum_{n=1}^{N}\\sum_{k=1}^{K} y^{(n)}_k \\log \\prob{n}{k}", "\\ell = -\\sum_{k=1}^{K} y_k \\log p_k",
                  "\\frac{\\partial J}{\\partial \\logit{n}{j}}", "\\frac{\\partial \\ell^{(n)}}{\\partial \\logit{n}{j}}", "p_j\\delta_{ij} - p_i p_j",
                  "\\frac{\\partial^2 \\ell}{\\partial z_i\\,\\partial z_j}"],
        notes="Definitions (2): J, ell. Soft targets with sum_k y_k = 1 (stated; checked with y_K = 1 - the others). Batch chain: "
              "N = 1..3, K = 1..3, every (n, j). Numbers: N = K = 2, z^{(1)} = (0, 0), y^{(1)} = (1, 0), z^{(2)} = (log 3, 0), y^{(2)} = (0, 1)."),
    "crossentropy_onehot_blog.md": dict(
        family=F["ce"],
        style="Markdown blog post (YAML front matter): one-hot label c with \\mathbb{1}[j=c], short route via log-sum-exp and long "
              "route through the softmax Jacobian (\\begin{align*} in Markdown, 4 links), gradient sums to 0, label smoothing "
              "with \\varepsilon, worked example, PyTorch code fence with '='",
        notation=["L = -\\log p_c", "-z_c + \\log\\sum_{k=1}^{K} e^{z_k}", "\\mathbb{1}[j=c], \\mathbb{1}[c=j]",
                  "\\frac{\\partial L}{\\partial p_k}\\,\\frac{\\partial p_k}{\\partial z_j}", "\\frac{\\partial L_\\varepsilon}{\\partial z_j}",
                  "(1 - \\varepsilon)\\,\\mathbb{1}[j=c] + \\varepsilon/K (prose)"],
        notes="Definition (1): L. K = 1..4, every true class c and index j. Label-smoothed targets y_k = (1 - eps) 1[k=c] + eps/K "
              "(stated), eps in [0, 0.9]. Numbers: K = 3, z = (log 2, 0, 0), c = 2."),
    "logistic_regression_exam_solution.tex": dict(
        family=F["lr"],
        style="LaTeX exam solution (italic question, \\medskip steps): \\newcommand{\\bw}, {\\bx}; sigma, 1 - sigma(z) = sigma(-z), "
              "sigma' = sigma(1 - sigma) as 3-link equations; per-example loss in the score z (definition + 2), l'(z) = sigma(z) - y; "
              "gradient align with \\boxed results; Hessian entry; numeric check with \\Big|_{w = b = 0}",
        notation=["\\sigma(z) = \\frac{1}{1 + e^{-z}}", "J(\\bw, b)", "\\hat{y}^{(i)}, y^{(i)}, x^{(i)}_j", "\\ell(z), \\ell'(z)",
                  "\\boxed{\\frac{1}{n}\\sum_{i=1}^{n}\\bigl(\\hat{y}^{(i)} - y^{(i)}\\bigr)x^{(i)}_j}", "\\frac{\\partial^2 J}{\\partial w_j\\,\\partial w_k}"],
        notes="Definitions (3): sigma(z), J(w, b), ell(z). Labels y^{(i)} in {0, 1} (stated; the identities are checked for real "
              "y in (0, 1), which the text says they allow). d = 2 features, n = 1..4, every j (and k). Numbers: d = 1, "
              "x = (1, -1), y = (1, 0), w = b = 0."),
    "logistic_loss_pm1_notebook.md": dict(
        family=F["lr"],
        style="Markdown notebook export: labels y_i in {-1, +1}, margin m_i = y_i w^T x_i, loss sum log(1 + e^{-m}); equivalence with the "
              "{0,1} log-loss via t = (1 + y)/2; \\begin{align*} in Markdown for phi' and the gradient; \\left( \\right)^{2}; Hessian with "
              "y_i^{2}; \\Big|_{w=0}; PyTorch code fence with '='",
        notation=["L(\\mathbf{w}) = \\sum_{i=1}^{n} \\log\\bigl(1 + e^{-y_i \\mathbf{w}^\\top \\mathbf{x}_i}\\bigr)", "\\phi(m) = \\log(1 + e^{-m}) (prose)",
                  "\\phi'(m), \\phi''(m)", "x_{ij}", "-y_i\\,\\sigma(-y_i z_i) = \\sigma(z_i) - t_i", "\\phi''(m_i)\\, y_i^{2}\\, x_{ij} x_{ik}"],
        notes="Definition (1): L(w). Labels checked over all sign patterns in {-1, +1}^n for n = 1..3, d = 2, every (j, k); the "
              "one-example displays for y = +1 and y = -1. Numbers: d = 1, x = (1, 2), y = (+1, -1), w = 0."),
    "least_squares_ridge_exam.tex": dict(
        family=F["ls"],
        style="LaTeX exam worked solution (\\subsection* parts): unnormalised RSS, gradient by b and w as an align with two 2-link rows "
              "and \\label/\\eqref, closed-form \\hat{b}, \\hat{w} as align definitions, centred-sum identities (two chains per \\[ \\]), "
              "evaluation bar \\Big|_{(\\hat{w}, \\hat{b})} ending in 0, one-feature ridge derivative and closed form, numbers",
        notation=["L(w, b) = \\sum_{i=1}^{n} \\bigl(y_i - w x_i - b\\bigr)^2", "\\bar{x}, \\bar{y}", "\\hat{w}, \\hat{b}",
                  "L_\\lambda(w) = \\sum_{i=1}^{n} (y_i - w x_i)^2 + \\lambda w^2", "\\frac{d L_\\lambda}{d w}", "\\hat{w}_\\lambda"],
        notes="Definitions (5): L(w, b), \\hat{b}, \\hat{w}, L_lambda(w), \\hat{w}_lambda. n = 1..4 (n = 2..4 where \\hat{w} appears; "
              "n >= 2 and x_i not all equal stated), lambda > 0. Numbers: x = (1, 2, 3), y = (2, 3, 7), lambda = 1."),
    "normal_equations_forum_answer.md": dict(
        family=F["ls"],
        style="Markdown forum reply (bold title, blockquoted question): index notation x_{ik}, \\begin{align*} in Markdown with a 4-link "
              "chain ending in (X^T X w - X^T y)_j, Hessian = Gram entry, 2x2 case with definitions S_{jk}, t_j and Cramer's-rule "
              "\\hat{w}_1, \\hat{w}_2 (two per $$), verification chain ending in t_1, numeric example, numpy code fence",
        notation=["L(\\mathbf{w}) = \\frac{1}{2}\\sum_{i=1}^{n}\\Bigl(\\sum_{k=1}^{d} x_{ik} w_k - y_i\\Bigr)^2", "\\frac{\\partial}{\\partial w_j}\\sum_{k=1}^{d} x_{ik} w_k",
                  "\\bigl(X^\\top X\\mathbf{w} - X^\\top\\mathbf{y}\\bigr)_j", "(X^\\top X)_{jk}", "S_{jk}, t_j", "\\hat{w}_1 = \\frac{S_{22} t_1 - S_{12} t_2}{S_{11} S_{22} - S_{12}^2}"],
        notes="Definitions (5): L(w), S_{jk}, t_j, \\hat{w}_1, \\hat{w}_2. Checked with (n, d) in {(1..4, 2), (3, 1), (3, 3)} and every "
              "(j, k); the 2x2 displays with n = 2..4 (non-singular S stated). Example: points (0, 1), (1, 1), (2, 3) with an intercept column."),
    "gaussian_mle_variance_parameter.tex": dict(
        family=F["gauss"],
        style="LaTeX lecture notes (\\maketitle, \\section): the variance sigma^2 as the parameter (d/d sigma^2, sigma^4 = (sigma^2)^2), "
              "\\DeclareMathOperator*{\\argmax}, product likelihood with \\prod, log-likelihood (definition + identity), scores, MLE "
              "as align definitions, three second derivatives in one align, evaluation bars \\Big|_{\\mu = \\hat{\\mu},\\, \\sigma^2 = \\hat{\\sigma}^2}, numbers",
        notation=["L(\\mu, \\sigma^2) = \\prod_{i=1}^{n} \\frac{1}{\\sqrt{2\\pi\\sigma^2}} \\exp\\Bigl(-\\frac{(x_i - \\mu)^2}{2\\sigma^2}\\Bigr)",
                  "\\frac{\\partial \\ell}{\\partial \\sigma^2}", "\\frac{1}{2(\\sigma^2)^2}", "\\hat{\\sigma}^2 = \\frac{1}{n}\\sum_{i=1}^{n} (x_i - \\bar{x})^2",
                  "\\frac{\\partial^2 \\ell}{\\partial (\\sigma^2)^2}", "\\frac{n}{2\\hat{\\sigma}^4}"],
        notes="Definitions (4): L(mu, sigma^2), ell(mu, sigma^2), \\hat{mu}, \\hat{sigma}^2. sigma^2 > 0; n = 1..4 (n = 2..4 where the "
              "estimates appear; n >= 2, x_i not all equal stated). Example: x = (3, 5, 7, 9)."),
    "gaussian_sigma_study_group.md": dict(
        family=F["gauss"],
        style="Markdown study-group notes: sigma (not sigma^2) as the parameter, \\partial_\\mu, \\partial_\\sigma subscript notation, "
              "two definitions per $$ (\\hat{\\mu}, \\hat{\\sigma} with \\sqrt), \\big|_{\\mu = \\bar{x},\\ \\sigma = \\hat{\\sigma}} bar ending in 0, "
              "\\begin{align*} in Markdown with three one-link rows, Fisher information entries as -E[...] definitions, decimals 6.5 in \\[ \\] displays, "
              "\\approx, python code fence",
        notation=["\\ell(\\mu, \\sigma) = -n\\log\\sigma - \\frac{n}{2}\\log(2\\pi) - \\frac{1}{2\\sigma^2}\\sum_{i=1}^{n}(x_i - \\mu)^2",
                  "\\partial_\\sigma \\ell", "\\partial_\\sigma\\partial_\\mu \\ell", "I_{\\sigma\\sigma} = -\\mathbb{E}\\bigl[\\partial_\\sigma^2 \\ell\\bigr]",
                  "\\mathbb{E}[X_i - \\mu]", "\\sqrt{6.5}"],
        notes="Definitions (5): ell(mu, sigma), \\hat{mu}, \\hat{sigma}, I_{sigma sigma}, I_{mu sigma}. X_i i.i.d. N(mu, sigma^2), "
              "sigma > 0 (stated); expectations by an operator for independent samples with Gaussian moments. n = 1..4 "
              "(2..4 where \\hat{sigma} appears). Example: x = (1, 3, 4, 8)."),
    "variance_identities_handout.tex": dict(
        family=F["var"],
        style="LaTeX review handout (\\section*): \\newcommand{\\E}, \\DeclareMathOperator{\\Var} and {\\Cov}, \\usepackage{cancel} "
              "with \\cancel{b}; shortcut formula as a 4-link align (definition + 3), Var(aX + b), covariance as a one-line "
              "definition + 2, Var(X + Y) and the independent case, Var of the sample mean, bias of the 1/n estimator, numbers",
        notation=["\\Var(X) = \\E\\bigl[(X - \\mu)^2\\bigr]", "\\E[X^2] - \\bigl(\\E[X]\\bigr)^2", "\\E\\bigl[(aX + \\cancel{b} - a\\mu - \\cancel{b})^2\\bigr]",
                  "\\Cov(X, Y) = \\E\\bigl[(X - \\mu_X)(Y - \\mu_Y)\\bigr]", "\\Var(\\bar{X}) = \\frac{\\sigma^2}{n}", "\\E[S_n^2] - \\sigma^2"],
        notes="Definitions (2): Var(X), Cov(X, Y). General (X, Y): expectation as a linear map to joint moments, checked on random "
              "discrete joint distributions; the independent display with factorised moments; i.i.d. samples with mean mu and "
              "variance sigma^2 for n = 1..4 (n = 2..4 for the bias, n >= 2 stated). Example: X uniform on {0, 1, 2}."),
    "covariance_rules_qa.md": dict(
        family=F["var"],
        style="Markdown Q&A (blockquoted question, ### headings): covariance bilinearity; E[\\cdot] without blackboard bold, "
              "\\mathrm{Cov}, \\operatorname{Var}; \\begin{align*} in Markdown; a 3-link one-line expansion of Var(aX + bY); double sum "
              "for Var(\\bar{X}); Cov(X_i, \\bar{X}); residual uncorrelated with the mean (ends in 0); n - 1 derivation; numbers",
        notation=["\\mathrm{Cov}(X, Y) = E\\bigl[(X - E[X])(Y - E[Y])\\bigr]", "\\mathrm{Cov}(aX + bY,\\, aX + bY)",
                  "\\frac{1}{n^2}\\sum_{i}\\sum_{j}\\mathrm{Cov}(X_i, X_j)", "\\mathrm{Cov}(X_i - \\bar{X}, \\bar{X})",
                  "\\operatorname{Var}(X_i - \\bar{X})", "\\frac{n - 1}{n}\\,\\sigma^2"],
        notes="Definition (1): Cov(X, Y). General (X, Y) by joint moments; i.i.d. samples (independence stated) for n = 1..4 and every "
              "i (n = 2..4 for the n - 1 display, n >= 2 stated). The numeric display uses Var X = 4, Var Y = 9, Cov = -3 (stated)."),
    "backprop_neuron_to_network_lecture.tex": dict(
        family=F["bp"],
        style="LaTeX lecture notes: one sigmoid neuron with squared loss (three definitions in one equation, 3-link chain-rule align "
              "with \\label/\\nonumber), then a tanh hidden layer and sigmoid output; \\newcommand{\\wa}[1], {\\wb}[1] for w^{(1)}_{jk}, "
              "w^{(2)}_j; two-column align with four definitions; errors delta^{(2)}, delta^{(1)}_j defined as derivatives; numeric check",
        notation=["z = w x + b, a = \\sigma(z), L = \\tfrac{1}{2}(a - y)^2", "\\frac{\\partial L}{\\partial a}\\,\\frac{\\partial a}{\\partial z}\\,\\frac{\\partial z}{\\partial w}",
                  "u_j = \\sum_{k=1}^{D} \\wa{jk} x_k + b^{(1)}_j", "\\frac{d}{du}\\tanh u = 1 - \\tanh^2 u",
                  "\\delta^{(2)} = \\frac{\\partial L}{\\partial s}", "\\delta^{(1)}_j\\, x_k"],
        notes="Definitions (9): z, a, L, u_j, h_j, s, o, delta^{(2)}, delta^{(1)}_j. delta here is a backpropagated error, not a "
              "Kronecker delta. H = 1..3 hidden units, D = 1..2 inputs (D <= H), every (j, k); y real. Numbers: H = D = 1, x = 1, "
              "y = 1, w^{(1)} = b^{(1)} = 0, w^{(2)} = 2, b^{(2)} = 0."),
    "backprop_sigmoid_crossentropy_blog.md": dict(
        family=F["bp"],
        style="Markdown blog post (YAML front matter): sigmoid neuron with binary cross-entropy, common denominator, \\cancel in "
              "Markdown math, gradient by w_k and b (two chains per $$); forward pass of a sigmoid hidden layer in a python code "
              "fence with '='; \\begin{align*} in Markdown with a four-factor chain rule; numbers with \\Bigl( \\Bigr)",
        notation=["L = -\\bigl[y\\log a + (1 - y)\\log(1 - a)\\bigr]", "\\frac{a - y}{\\cancel{a(1 - a)}}\\cdot\\cancel{a(1 - a)}",
                  "\\frac{\\partial L}{\\partial W_{jk}}", "\\frac{\\partial h_j}{\\partial r_j}", "(p - y)\\,v_j\\,h_j(1 - h_j)",
                  "\\frac{\\partial L}{\\partial b_j}\\,x_k"],
        notes="Definition (1): L. y in [0, 1] (stated), a in (0, 1). Neuron with d = 2 inputs; network with H = 1..3 hidden units "
              "and D = 1..2 inputs, every (j, k). Numbers: D = H = 1, x = 1, W = b = 0, v = 4, c = -2, y = 0."),
    "definite_integrals_pset.tex": dict(
        family=F["int"],
        style="LaTeX problem-set solutions (\\subsection* per problem): by parts with \\Bigl[ \\Bigr]_0^1 evaluation brackets, "
              "exponential mean as a 4-link equation with [.]_0^\\infty, E[X^2] and Var, substitution with changed bounds, Gaussian "
              "normaliser from \\int e^{-t^2} dt = \\sqrt{\\pi}, uniform and Beta(2, 2) means; \\,dx throughout",
        notation=["\\int_0^1 x e^{x}\\,dx", "\\Bigl[-x e^{-\\lambda x}\\Bigr]_0^\\infty", "\\frac{2}{\\lambda}\\,\\E[X]",
                  "\\int_1^2 \\frac{du}{u}", "\\sqrt{2}\\,\\sigma\\int_{-\\infty}^{\\infty} e^{-t^2}\\,dt", "\\int_a^b \\frac{x}{b - a}\\,dx"],
        notes="No definitions. lambda > 0, sigma > 0, a < b (stated). Integrals evaluated by sympy.integrate (symbolically, with "
              "positive parameters); evaluation brackets as F(b) - F(a) (a limit at infinity)."),
    "integrals_by_hand_notebook.md": dict(
        family=F["int"],
        style="Markdown notebook export: \\[ \\] displays in Markdown (two) besides $$, upright \\mathrm{d}x, differentiation under the integral sign (-d/dlambda), substitution "
              "with flipped bounds, Gaussian integral from the known \\sqrt{2\\pi}, Beta(3, 1) and Beta(a, 1) means, by parts with "
              "[-x cos x]; sympy code fences with '='",
        notation=["\\int_0^\\infty e^{-\\lambda x}\\,\\mathrm{d}x", "-\\frac{\\mathrm{d}}{\\mathrm{d}\\lambda}\\int_0^\\infty e^{-\\lambda x}\\,\\mathrm{d}x",
                  "\\frac{1}{2}\\int_0^1 u^3\\,\\mathrm{d}u", "\\frac{1}{\\sqrt{2a}}\\int_{-\\infty}^{\\infty} e^{-t^2/2}\\,\\mathrm{d}t",
                  "\\Bigl[\\frac{3x^4}{4}\\Bigr]_0^1", "a\\int_0^1 x^{a}\\,\\mathrm{d}x"],
        notes="No definitions. lambda > 0, a > 0 (stated). Integrals by sympy.integrate; d/dlambda by sympy.diff of the evaluated "
              "integral."),
    "finite_sums_lecture.tex": dict(
        family=F["sum"],
        style="LaTeX lecture notes (\\maketitle, \\section): geometric sum by shifting, \\underbrace{...}_{S_n}, (1 - r) S_n, "
              "infinite series as a \\lim, Gauss pairing, sum of squares by telescoping cubes (3-link align with \\label/\\eqref), "
              "partial-fraction telescoping, numeric checks 1023 and 385",
        notation=["S_n = \\sum_{k=0}^{n-1} r^k = 1 + r + r^2 + \\dots + r^{n-1}", "\\underbrace{\\sum_{k=0}^{n-1} r^k}_{S_n} - 1 + r^n",
                  "\\lim_{n\\to\\infty}\\frac{1 - r^n}{1 - r}", "\\sum_{k=1}^{n}\\bigl((k + 1)^3 - k^3\\bigr)", "\\frac{n(n + 1)(2n + 1)}{6}",
                  "\\sum_{k=1}^{n}\\Bigl(\\frac{1}{k} - \\frac{1}{k + 1}\\Bigr)"],
        notes="Definition (1): S_n. n = 1..6 with r real (r != 1); the infinite series and the limit are checked at 0 < r < 1/2 "
              "(the text assumes |r| < 1), the series summed term by term and the limit by sympy."),
    "series_and_geometric_mean_notes.md": dict(
        family=F["sum"],
        style="Markdown study-group notes: telescoping squares, sum of k by splitting, the geometric CDF as a finite geometric sum, "
              "E[X] by differentiating the power series (\\begin{align*} in Markdown, 5 links, last row with two '='), tail-sum "
              "formula with \\mathbb{1}[X > m] in prose, odd-number telescoping",
        notation=["\\sum_{k=1}^{n}\\bigl((k + 1)^2 - k^2\\bigr)", "2\\sum_{k=1}^{n} k + n", "P(X \\le m) = \\sum_{k=1}^{m} p\\,q^{k - 1}",
                  "p\\,\\frac{\\mathrm{d}}{\\mathrm{d}q}\\sum_{k=0}^{\\infty} q^{k}", "\\sum_{m=0}^{\\infty} P(X > m)", "\\frac{n}{2n + 1}"],
        notes="No definitions. n = 1..6, m = 1..5; 0 < p < 1 and q = 1 - p (stated), checked at 0.45 <= p <= 0.95 so that the series "
              "(summed term by term) converge fast; the derivative of the series is taken term by term by sympy."),
    "logsumexp_appendix.tex": dict(
        family=F["lse"],
        style="LaTeX paper appendix (\\appendix, \\section with \\label, \\paragraph): \\DeclareMathOperator{\\lse}, \\newcommand{\\bz}, "
              "{\\one}; gradient = softmax, Hessian entry as a 5-link align (definition + 4) with the quotient rule and \\delta_{ij}, "
              "quadratic form as a variance, shift invariance, stable evaluation with m = max, temperature tau, numbers",
        notation=["\\lse(\\bz) = \\log\\sum_{k=1}^{K} e^{z_k}", "H_{ij} = \\frac{\\partial^2 \\lse}{\\partial z_i\\,\\partial z_j}",
                  "\\delta_{ij}\\, p_j - p_i p_j", "\\mathbf{v}^\\top H\\mathbf{v}", "\\lse(\\bz + c\\one)", "\\tau\\log\\sum_{k=1}^{K} e^{z_k/\\tau}"],
        notes="Definitions (2): lse(z), H_{ij}. K = 1..4, every (i, j); c, m arbitrary reals (the identities hold for any m, as "
              "stated), tau > 0. Numbers: z = (0, log 3)."),
    "stable_softmax_blog.md": dict(
        family=F["lse"],
        style="Markdown blog post (YAML front matter): s_i = softmax(z)_i = ... as two definitions, shift invariance with e^{-c}, "
              "log-sum-exp trick, stable log-softmax, gradient and Hessian of log-sum-exp (\\begin{align*} in Markdown with "
              "\\mathbb{1}[i=j]), logits around 1000 with \\approx, numpy code fence with '='",
        notation=["\\operatorname{softmax}(\\mathbf{z})_i", "\\frac{e^{-c}\\,e^{z_i}}{e^{-c}\\sum_{k} e^{z_k}}", "m + \\log\\sum_{k} e^{z_k - m}",
                  "\\log\\operatorname{softmax}(\\mathbf{z})_i", "\\mathbb{1}[i=j]\\,s_j - s_i s_j", "1002 + \\log\\bigl(e^{-2} + e^{-1} + 1\\bigr)"],
        notes="Definitions (2): s_i = softmax(z)_i, softmax(z)_i = e^{z_i}/sum. K = 1..4, every (i, j); c and m arbitrary reals. "
              "Numbers: z = (1000, 1001, 1002) (the exact values, evaluated with 30 digits)."),
    "poisson_mle_fisher_exam.tex": dict(
        family=F["mle"],
        style="LaTeX exam model answer (italic question, \\subsection* parts, marking scheme): \\newcommand{\\E}, {\\sumi}, "
              "\\DeclareMathOperator{\\Var}; likelihood with \\prod and x_i!, score as definition + 2, Fisher information as "
              "definition + 3 with \\boxed, the two information identities, Cramer-Rao, numbers with \\widehat{\\mathrm{se}}",
        notation=["L(\\lambda) = \\prod_{i=1}^{n}\\frac{\\lambda^{x_i}e^{-\\lambda}}{x_i!}", "U(\\lambda) = \\ell'(\\lambda)", "\\ell''(\\lambda)",
                  "I(\\lambda) = -\\E\\bigl[\\ell''(\\lambda)\\bigr]", "\\Var\\bigl(U(\\lambda)\\bigr)", "\\widehat{\\mathrm{se}} = \\frac{1}{\\sqrt{I(\\hat{\\lambda})}}"],
        notes="Definitions (6): L(lambda), ell(lambda), U(lambda), \\hat{lambda}, I(lambda), \\widehat{se}. X_i i.i.d. Poisson(lambda), "
              "lambda > 0 (stated); expectations by an operator for independent samples with E[X] = lambda, E[X^2] = lambda + lambda^2; "
              "the data identities are checked at positive real x_i (x! = Gamma(x + 1)). n = 1..4. Example: x = (2, 0, 3, 1, 4)."),
    "bernoulli_fisher_information_forum.md": dict(
        family=F["mle"],
        style="Markdown forum thread (bold title, blockquoted original post, --- rule, reply): Bernoulli log-likelihood in k heads, "
              "score (definition + 2), U(k/n) = 0 with nested fractions, \\begin{align*} in Markdown for I(p) = -E[l''] (definition + 3), "
              "two information identities in one $$, decimals 0.7 x 0.3 and 0.21, R code fence with '<-'",
        notation=["\\ell(p) = \\sum_{i=1}^{n}\\bigl[x_i\\log p + (1 - x_i)\\log(1 - p)\\bigr]", "U(p) = \\ell'(p)", "U\\Bigl(\\frac{k}{n}\\Bigr)",
                  "I(p) = -\\mathbb{E}\\bigl[\\ell''(p)\\bigr]", "\\frac{\\operatorname{Var}(K)}{p^2(1 - p)^2}", "\\frac{10}{0.7\\times 0.3}"],
        notes="Definitions (3): ell(p), U(p), I(p). x_i in {0, 1}: every pattern for n = 1..4 (0 < k < n for U(k/n), stated); "
              "0 < p < 1; expectations over i.i.d. Bernoulli(p) flips. Numbers: n = 10, k = 7."),
    "huber_regression_notes.tex": dict(
        family=F["reg"],
        style="LaTeX section notes: \\DeclareMathOperator{\\sgn}, \\newcommand{\\huber} (parameterless); Huber loss as a "
              "\\begin{cases} definition; per-region derivative rows in align* with && \\text{for ...} region annotations; combined "
              "cases = clip with \\max/\\min; chain-rule gradient by w and b; weight decay; numeric check with decimals",
        notation=["\\huber(r) = \\begin{cases} \\tfrac{1}{2}r^2, & |r| \\le \\delta,\\\\ \\delta\\bigl(|r| - \\tfrac{1}{2}\\delta\\bigr), & |r| > \\delta. \\end{cases}",
                  "\\huber'(r)", "\\max\\bigl(-\\delta, \\min(r, \\delta)\\bigr)", "\\psi_\\delta(r_i)", "J(w, b) = L(w, b) + \\frac{\\lambda}{2}w^2",
                  "\\frac{1}{3}(0.5 - 1 + 1)"],
        notes="Definitions (3): rho_delta(r), L(w, b), J(w, b). delta > 0, lambda > 0; each region row only on its open region "
              "(|r| < delta, r > delta, r < -delta), the combined formula on all three; gradients with n = 1..3 and every "
              "assignment of the residuals to the three regions. Numbers: delta = 1, points (1, 0.5), (2, 4), (-1, -3), w = 1, b = 0."),
    "lasso_ridge_soft_threshold_answer.md": dict(
        family=F["reg"],
        style="Markdown Q&A answer (### heading, blockquoted question): elastic-net objective with \\|w\\|_1, \\|w\\|_2^2, "
              "gradient with a \\begin{cases} term for w_j > 0 / w_j < 0, one standardised coordinate with z, \\operatorname{sign}, "
              "soft-threshold solution as a three-case definition with \\dfrac, derivative checks in both outer regions ending in 0, "
              "the two checks as \\[ \\] displays in Markdown, decimals 1.5, 0.5, numpy code fence",
        notation=["J(\\mathbf{w})", "\\lambda_1\\|\\mathbf{w}\\|_1", "\\begin{cases} \\lambda_1, & w_j > 0,\\\\ -\\lambda_1, & w_j < 0 \\end{cases}",
                  "J'(w) = (1 + \\lambda_2)w - z + \\lambda_1\\operatorname{sign}(w)", "\\hat{w} = \\begin{cases} \\dfrac{z - \\lambda_1}{1 + \\lambda_2}, & z > \\lambda_1, ... \\end{cases}",
                  "J'(\\hat{w})"],
        notes="Definitions (3): J(w) (vector), J(w) (one coordinate), \\hat{w}. lambda_1, lambda_2 > 0; the gradient for w_j > 0 and "
              "w_j < 0 (n = 1..3, d = 2, every j); the one-coordinate displays with (1/n) sum x_i^2 = 1 (stated; checked with "
              "normalised x); the checks at w-hat in the regions z > lambda_1 and z < -lambda_1. Numbers: points (1, 2), (-1, -1), "
              "lambda_1 = 0.5, lambda_2 = 1."),
}


def main(argv):
    symbolic = "--fast" not in argv
    docs = all_docs()
    assert len(docs) == 24 and set(d.file for d in docs) == set(META)
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
                     verified="sympy: every link holds (numerically, 30 digits, in every context; %d of %d links also "
                              "proved exactly by simplify)" % (nsym, r["links"]),
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
                         verified="sympy: the %d link(s) touching the wrong expression fail, all other links hold"
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
