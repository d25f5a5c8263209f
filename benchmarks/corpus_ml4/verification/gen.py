#!/usr/bin/env python3
"""Write the planted copies and MANIFEST.json of corpus_ml4.

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
    "temp": "softmax_temperature_jacobian",
    "ls": "label_smoothing_cross_entropy",
    "logreg": "logistic_regression_gradient_hessian",
    "ridge": "ridge_as_map_gaussian_prior",
    "pois": "poisson_regression_log_link",
    "beta": "beta_bernoulli_map",
    "svar": "sample_variance_bias",
    "bv": "bias_variance_decomposition",
    "huber": "huber_smooth_l1_gradient",
    "norm": "batchnorm_layernorm_backward",
    "pg": "score_function_policy_gradient",
    "mgf": "moment_generating_function",
}

META = {
    "temperature_softmax_notes.tex": dict(
        family=F["temp"],
        style="LaTeX lecture handout: \\newcommand{\\pd}[2] macro, equation/align with \\label and \\eqref, log-first derivation, "
              "one-line 2-link equation, row-sum check ending in 0, derivative in T, worked number with \\Bigl( \\Bigr)",
        notation=["p_i = \\frac{e^{z_i/T}}{\\sum_{k=1}^{K} e^{z_k/T}}", "\\pd{\\log p_i}{z_j}", "\\delta_{ij}", "\\sum_{k} e^{z_k/T}",
                  "\\frac{1}{T}\\, p_i \\bigl(\\delta_{ij} - p_j\\bigr)", "\\pd{\\log p_i}{T}", "-\\frac{3}{32}"],
        notes="Definition (1): p_i. Checked for K = 1..4 and every (i, j); T > 0. The numeric display uses K = 2, T = 2, z = (0, 2 log 3)."),
    "temperature_softmax_answer.md": dict(
        family=F["temp"],
        style="Markdown Q&A answer (quoted question): \\( \\) inline math, \\[ \\] displays in Markdown, quotient rule with \\tfrac "
              "inside a fraction, a 4-link $$ line, T^2 scaling, python code fence with '=' (not counted)",
        notation=["q_i = \\exp(z_i/T)/S", "\\frac{\\partial q_i}{\\partial z_k}", "\\delta_{ik}", "C = -\\sum_{i} p_i \\log q_i",
                  "\\Bigl(p_k - q_k \\sum_i p_i\\Bigr)", "T^2 \\frac{\\partial C}{\\partial z_k}", "\\frac{1}{T}(1 - 1)"],
        notes="Definition (1): C. S is defined in prose. The teacher probabilities satisfy sum_i p_i = 1 (stated in prose; checked with "
              "p_K = 1 - the others); the last link of the dC chain and '(1/T)(sum q - sum p) = (1/T)(1 - 1)' need it. K = 1..4, every (i, k). "
              "Numeric example: K = 2, T = 2, z = (log 4, 0), p = (1/2, 1/2)."),
    "label_smoothing_solution.tex": dict(
        family=F["ls"],
        style="LaTeX problem-set solution: \\mathbb{1}[k = c] indicator (its '=' is not a link), a 3-link one-line \\[ \\] sum, align with "
              "\\label on the first row, one-line 2-link equation, align* with \\text{(true class)} and (j \\neq c) cases, decimal log ratio",
        notation=["y_k = (1 - \\varepsilon)\\,\\mathbb{1}[k = c] + \\frac{\\varepsilon}{K}", "\\log\\sum_{m=1}^{K} e^{z_m}", "\\delta_{jc}",
                  "p_j - y_j", "(j \\neq c)", "\\log\\frac{0.925}{0.025}", "\\log 37"],
        notes="Definitions (2): y_k, L. K = 1..4, every (c, j); the '(j \\neq c)' row is checked only for j != c. The last display uses the "
              "values K = 4, epsilon = 0.1 stated in the prose (its first expression is the gap at the minimiser, p = y)."),
    "label_smoothing_blog.md": dict(
        family=F["ls"],
        style="Markdown blog post with YAML front matter: \\begin{align*} directly in Markdown (two of them, 2 and 4 links), "
              "cross-entropy H(a, b) and D_{\\mathrm{KL}} defined in prose, \\tilde{q}, \\delta_{k,y}, python code fence",
        notation=["\\tilde{q}_k = (1-\\epsilon)\\,\\delta_{k,y} + \\frac{\\epsilon}{K}", "\\ell = -\\sum_{k=1}^{K}\\tilde{q}_k\\log p_k",
                  "H(\\delta_y, p)", "D_{\\mathrm{KL}}(u \\,\\|\\, p)", "\\frac{\\partial \\log p_k}{\\partial z_j}", "p_j - \\tilde{q}_j", "-\\frac{7}{15}"],
        notes="Definitions (2): \\tilde{q}_k, \\ell. H(a, b) = -sum a_k log b_k and u_k = 1/K are defined in prose. K = 1..4, every (y, j). "
              "Numeric example: K = 3, epsilon = 0.3, y = 1, z = 0."),
    "logreg_hessian_lecture.tex": dict(
        family=F["logreg"],
        style="LaTeX lecture notes: align with \\label on the first row, 2-link \\[ \\] chains, a one-line 2-link equation, align row "
              "holding two '=' (H_{jk} = ... &= ...), matrix forms X^{\\top}(\\boldsymbol{\\sigma} - \\mathbf{y}) and X^{\\top} S X read entrywise, "
              "quadratic form with '\\ge 0', two numeric chains in one \\[ \\] separated by \\qquad",
        notation=["\\ell_i(\\mathbf{w})", "\\log\\bigl(1 + e^{z_i}\\bigr) - y_i z_i", "\\frac{d^2\\ell_i}{dz_i^2}", "\\nabla_{\\mathbf{w}}\\ell",
                  "H_{jk}", "\\frac{\\partial \\sigma(z_i)}{\\partial w_k}", "\\mathbf{v}^{\\top} H \\mathbf{v}", "\\bigl(\\mathbf{x}_i^{\\top}\\mathbf{v}\\bigr)^2"],
        notes="Definitions (2): \\ell_i(w), H_{jk}. Checked with d = 2 features, n = 1..4 examples and every (j, k); y_i real in (0, 1) "
              "(the identities do not need y_i in {0, 1}). Per-example displays use a single (z, y). Numeric check: x = (1, 2), y = 1, w = 0."),
    "logreg_newton_answer.md": dict(
        family=F["logreg"],
        style="Markdown Q&A with labels y in {-1, +1}: margins m_i, \\begin{align*} directly in Markdown (2- and 4-link), \\odot, "
              "two equations in one $$ (\\qquad), \\tfrac numbers",
        notation=["J(\\mathbf{w}) = \\sum_{i=1}^{n}\\log\\Bigl(1 + \\exp\\bigl(-y_i\\,\\mathbf{w}^\\top\\mathbf{x}_i\\bigr)\\Bigr)", "-\\sigma(-t)",
                  "\\frac{d}{dm_i}\\log\\bigl(1 + e^{-m_i}\\bigr)", "-X^{\\top}\\bigl(\\mathbf{y} \\odot \\sigma(-\\mathbf{m})\\bigr)",
                  "y_i^2", "\\nabla^2 J = X^{\\top} D X", "D_{ii}"],
        notes="Definitions (2): J(w), D_{ii}. The last Hessian link uses y_i^2 = 1 (labels are +-1, stated); checked with d = 2, n = 1..3 "
              "and sign patterns of y (all for n <= 2, two for n = 3), every (j, k). Numeric check: x = (1, -1), y = -1, w = (0.5, 0.5)."),
    "ridge_map_notes.tex": dict(
        family=F["ridge"],
        style="LaTeX course notes with \\paragraph: log-density identities in \\[ \\], equation with \\label, align with \\nonumber/\\label, "
              "\\lVert \\rVert_2^2, align* gradient read entrywise ( )_j, 2-link and 3-link \\[ \\] chains, \\tfrac and decimal 5.5",
        notation=["\\log\\mathcal{N}\\bigl(y_i \\mid \\mathbf{w}^{\\top}\\mathbf{x}_i, \\sigma^2\\bigr)", "\\frac{d}{2}\\log(2\\pi\\tau^2)",
                  "E(\\mathbf{w})", "\\lambda = \\sigma^2/\\tau^2 (prose)", "\\bigl(X^{\\top}X\\mathbf{w} - X^{\\top}\\mathbf{y} + \\lambda\\mathbf{w}\\bigr)_j",
                  "\\hat{\\mathbf{w}}_{\\mathrm{MAP}}", "\\frac{7}{5.5}"],
        notes="Definitions (3): E(w), \\hat{w}_MAP, \\hat{w} (one feature). lambda = sigma^2/tau^2 is set in prose. d = 2 (the prior "
              "display is checked with d = 2), n = 1..4, j = 1, 2. Example: x = (1, 2), y = (1, 3), sigma^2 = 1, tau^2 = 2."),
    "ridge_map_blog.md": dict(
        family=F["ridge"],
        style="Markdown lab notebook: precision notation \\mathcal{N}(t \\mid \\mu, \\beta^{-1}), $$ + aligned, prime notation F'(\\theta), "
              "F''(\\theta), \\text{MAP} subscript, completing the square, inline code",
        notation=["\\ln\\mathcal{N}(t \\mid \\mu, \\beta^{-1})", "F(\\theta)", "F'(\\theta)", "\\theta_{\\text{MAP}}", "\\alpha/\\beta",
                  "\\bigl(\\theta - \\theta_{\\text{MAP}}\\bigr)^2 + F(\\theta_{\\text{MAP}})", "\\frac{32}{21}"],
        notes="Definitions (2): F(theta), theta_MAP. N = 1..4. The numbers: x = (1, 2), t = (2, 3), alpha = 1, beta = 4."),
    "poisson_glm_appendix.tex": dict(
        family=F["pois"],
        style="LaTeX paper appendix (\\appendix, \\paragraph): \\boldsymbol{\\beta}, exposure offset, 3-link align with \\label, "
              "one-line 2-link equation with \\label, -X^{\\top}WX read entrywise, intercept-only root checked by substitution (ends in 0)",
        notation=["\\ell(\\boldsymbol{\\beta})", "\\log(y_i!)", "\\mu_i = t_i \\exp(\\mathbf{x}_i^{\\top}\\boldsymbol{\\beta}) (prose)",
                  "\\frac{\\partial \\mu_i}{\\partial \\beta_j}", "X^{\\top}(\\mathbf{y} - \\boldsymbol{\\mu})", "\\nabla^2_{\\boldsymbol{\\beta}}\\,\\ell",
                  "\\hat{\\beta}_0 = \\log\\frac{\\sum_{i} y_i}{\\sum_{i} t_i}"],
        notes="Definitions (2): \\ell(beta), \\hat{beta}_0. d = 2 features, n = 1..4, every (j, k); counts y_i and exposures t_i positive "
              "(log(y_i!) via the Gamma function)."),
    "poisson_regression_notebook.md": dict(
        family=F["pois"],
        style="Markdown notebook export: \\( \\) inline math, one display holding three chains (\\quad) with five links and one "
              "definition, \\begin{align*} in Markdown with two rows of two '=' each, \\Big|_{\\theta = 0} evaluation bar, python code fence",
        notation=["\\log p(y \\mid \\lambda)", "\\log y!", "A(\\eta) = e^{\\eta}", "A''(\\eta)", "\\mathcal{L}(\\theta_0, \\theta_1)",
                  "\\lambda_i", "\\Big|_{\\theta = 0}"],
        notes="Definitions (2): A(eta), \\mathcal{L}. lambda = e^eta (eta = log lambda, prose), lambda_i = e^{theta_0 + theta_1 x_i} (prose). "
              "N = 1..4. Numeric example: x = (0, 1, 2), y = (1, 0, 4), theta = 0."),
    "beta_bernoulli_map_pset.tex": dict(
        family=F["beta"],
        style="LaTeX homework solution: \\prod, \\mathcal{D}, align* with a long second row, equation with \\label, \\left. \\right|_{a = b = 1}, "
              "Beta-function identity for the posterior mean (3-link align*), two numeric chains in one \\[ \\] (3 and 2 links)",
        notation=["p(\\mathcal{D} \\mid \\theta)", "\\theta^{k}(1 - \\theta)^{n - k}", "\\log B(a, b)", "\\hat{\\theta}_{\\mathrm{MAP}}",
                  "\\frac{d^2}{d\\theta^2}\\log p(\\theta \\mid \\mathcal{D})", "\\mathbb{E}[\\theta \\mid \\mathcal{D}]", "B(k + a + 1, n - k + b)"],
        notes="Definitions (3): p(D | theta), \\hat{theta}_MAP, E[theta | D]. x_i are checked as reals in (0, 1) so that 0 < k < n; "
              "n = 1..4; a, b > 1. The integral in the posterior-mean chain is encoded by the Beta-function identity the text states; "
              "p(D) = B(k + a, n - k + b)/B(a, b). Numbers: n = 10, k = 7, a = b = 2."),
    "coin_map_qa.md": dict(
        family=F["beta"],
        style="Markdown Q&A (blockquote question, accepted answer): \\propto followed by a link, \\ln, \\hat\\theta without braces, "
              "\\begin{align*} in Markdown, pseudo-count weights, \\big|_{\\alpha = \\beta = 2}, decimal 0.6",
        notation=["\\theta^{h}(1-\\theta)^{t}\\cdot\\theta^{\\alpha-1}(1-\\theta)^{\\beta-1}", "\\hat\\theta", "\\frac{n}{n+m}\\cdot\\frac{h}{n}",
                  "\\frac{\\alpha-1}{m}", "\\mathbb{E}[\\theta \\mid h, t]", "\\hat\\theta\\big|_{\\alpha = \\beta = 2}"],
        notes="Definition (1): \\hat\\theta. n = h + t and m = alpha + beta - 2 are set in prose. The posterior-mean display is at the "
              "stated numbers h = 3, t = 1, alpha = beta = 3."),
    "sample_variance_bias_handout.tex": dict(
        family=F["svar"],
        style="LaTeX handout: \\newcommand{\\E} and {\\Var}, align with \\label, 2-link \\[ \\] chains, align* with && \\text{(independence)}, "
              "two definitions in one \\[ \\] (\\qquad), \\hat{\\sigma}^2 vs S^2",
        notation=["\\sum_{i=1}^{n}(X_i - \\bar{X})^2", "\\E[\\bar{X}^2]", "\\Var(\\bar{X})", "\\frac{1}{n^2}\\Var\\Bigl(\\sum_{i=1}^{n}X_i\\Bigr)",
                  "(n - 1)\\sigma^2", "S^2", "\\E[\\hat{\\sigma}^2] - \\sigma^2"],
        notes="Definitions (2): S^2, \\hat{sigma}^2. Expectations by an operator for independent X_1..X_n with E[X] = mu, "
              "E[X^2] = sigma^2 + mu^2; n = 1..4 (n = 2..4 where n - 1 divides)."),
    "bessel_correction_answer.md": dict(
        family=F["svar"],
        style="Markdown forum reply: one $$ per step, \\begin{align*} in Markdown (4 links), \\operatorname{Var}/\\operatorname{Cov}, "
              "\\sum_{j \\neq i}, n = 2 sanity check with \\tfrac",
        notation=["\\mathbb{E}[X_i - \\bar{X}]", "\\Bigl(1 - \\frac{1}{n}\\Bigr)X_i - \\frac{1}{n}\\sum_{j \\neq i} X_j", "\\frac{n - 1}{n^2}\\,\\sigma^2",
                  "\\operatorname{Cov}(X_i, \\bar{X})", "\\mathbb{E}\\Bigl[\\tfrac{1}{2}(X_1 - X_2)^2\\Bigr]"],
        notes="No definitions. Same expectation operator as the handout; n = 1..4 and every i."),
    "bias_variance_notes.tex": dict(
        family=F["bv"],
        style="LaTeX section notes: \\newcommand{\\E}, {\\Var}; two 3-link aligns with \\label, \\mathrm{Bias}, \\varepsilon noise, "
              "shrinkage example with \\mathrm{MSE}(c), c^{*}",
        notation=["\\E\\bigl[(y - \\hat{f})^2\\bigr]", "\\E[\\varepsilon]\\,\\E\\bigl[f - \\hat{f}\\bigr]", "\\bar{f}", "\\Var(\\hat{f})",
                  "\\bigl(\\mathrm{Bias}[\\hat{f}]\\bigr)^2", "\\E\\bigl[(c\\bar{Y} - \\mu)^2\\bigr]", "c^{*}"],
        notes="Definitions (2): MSE(c), c^*. y = f + epsilon, bar f = E[hat f], Bias = bar f - f in prose. Expectations by an operator "
              "for independent hat f and epsilon with E[epsilon] = 0, Var(epsilon) = sigma^2; \\bar{Y} with mean mu and variance sigma^2/n, n = 1..4."),
    "bias_variance_blog.md": dict(
        family=F["bv"],
        style="Markdown blog post: $$ + aligned (3 links), \\big[ \\big], \\mathbb{E}\\hat\\theta without brackets, two chains in one $$ "
              "(\\qquad), a display with '<' between two chains",
        notation=["\\operatorname{MSE}(\\hat\\theta)", "\\mathbb{E}\\big[(\\hat\\theta - \\mathbb{E}\\hat\\theta)^2\\big]", "\\mathbb{E}\\hat\\theta - p",
                  "\\frac{\\operatorname{Var}(K)}{(n+2)^2}", "\\frac{1}{32} < \\frac{1}{8}"],
        notes="Definition (1): MSE. hat theta = (K + 1)/(n + 2) with K ~ Binomial(n, p) (E K = np, Var K = np(1 - p), prose); n = 1..4. "
              "'<' is not a link: the last display holds two one-link chains."),
    "huber_gradient_notes.tex": dict(
        family=F["huber"],
        style="LaTeX notes: cases environment inside equation with \\label, one \\[ \\] per region with the region stated in prose, "
              "\\max/\\min clip identity, L_\\delta' prime notation, align* with a row holding two '=', decimals",
        notation=["L_\\delta(r)", "\\begin{cases} ... \\end{cases}", "L_\\delta'(r)", "\\frac{d}{dr}\\Bigl[\\delta r - \\frac{\\delta^2}{2}\\Bigr]",
                  "\\max\\bigl(-\\delta, \\min(r, \\delta)\\bigr)", "J(w, b)", "-0.25"],
        notes="Definitions (2): L_delta(r), J(w, b). Piecewise: each region display is checked only on its stated region (|r| < delta, "
              "r > delta, r < -delta); the definition and the clip identity on all three. n = 1..4 for J. Example: delta = 1, r = (0.5, -3)."),
    "smooth_l1_answer.md": dict(
        family=F["huber"],
        style="Markdown Q&A answer: cases with \\text{if } / \\text{otherwise} in $$, \\( \\) region statements, \\[ \\] displays in "
              "Markdown, \\operatorname{smooth}_{L_1}, \\operatorname{Huber}_{\\beta}, decimals, python code fence",
        notation=["\\operatorname{smooth}_{L_1}(x)", "\\operatorname{smooth}_{L_1}'(x)", "0.5\\,\\beta", "\\frac{\\beta}{\\beta}",
                  "\\beta\\cdot\\operatorname{smooth}_{L_1}(x)", "\\operatorname{Huber}_{\\beta}(x)", "0.08"],
        notes="Definition (1): smooth_L1. Huber_delta is defined in prose. Region displays checked only on their regions; the definition "
              "and the Huber identity on all three. Numbers use beta = 1."),
    "batchnorm_backward_appendix.tex": dict(
        family=F["norm"],
        style="LaTeX appendix: four definitions in a two-column align (&), two one-link chains per \\[ \\] (\\qquad), align with \\label, "
              "(\\sigma^2 + \\epsilon)^{3/2}, \\frac inside \\frac, sums over i = 1..m, a zero-sum check",
        notation=["\\hat{x}_i = \\frac{x_i - \\mu}{\\sqrt{\\sigma^2 + \\epsilon}}", "g_i = \\partial L/\\partial y_i (prose)", "\\delta_{ij}",
                  "\\frac{\\partial \\hat{x}_i}{\\partial x_j}", "\\frac{\\gamma}{m\\sqrt{\\sigma^2 + \\epsilon}}", "\\sum_{j}\\hat{x}_j"],
        notes="Definitions (4): mu, sigma^2, \\hat{x}_i, y_i. The upstream gradients g_i are free symbols (L = sum_i g_i y_i has exactly "
              "those partials). m = 1..3 with every (i, j), m = 4 with three pairs; epsilon > 0."),
    "layernorm_backward_blog.md": dict(
        family=F["norm"],
        style="Markdown blog post: three definitions in one $$ (\\quad), \\begin{align*} in Markdown (3 links), s = \\sqrt{v + \\epsilon} "
              "named in prose, numeric example with epsilon = 0 ending in 0, python code fence",
        notation=["n_k = \\frac{a_k - \\mu}{\\sqrt{v + \\epsilon}}", "\\frac{\\partial v}{\\partial a_j}", "\\frac{\\partial s}{\\partial a_j}",
                  "\\frac{n_k n_j}{H}", "d_k = \\partial L / \\partial n_k (prose)", "\\frac{-1}{2}"],
        notes="Definitions (3): mu, v, n_k. H = 1..3 with every (k, j), H = 4 with three pairs; epsilon > 0 except the numeric display "
              "(epsilon = 0 stated, checked as the limit)."),
    "score_function_lecture.tex": dict(
        family=F["pg"],
        style="LaTeX lecture notes: \\boldsymbol{\\theta}, \\mathbb{E}_{a \\sim \\pi_{\\boldsymbol{\\theta}}}, 3-link aligns with \\label, "
              "\\mathbb{1}[a = j] (its '=' is not a link), a 4-link one-line \\[ \\] ending in \\nabla 1 = 0",
        notation=["J(\\boldsymbol{\\theta})", "\\nabla_{\\boldsymbol{\\theta}}\\log\\pi_{\\boldsymbol{\\theta}}(a)", "\\mathbb{1}[a = j] - \\pi_{\\boldsymbol{\\theta}}(j)",
                  "\\pi_{\\boldsymbol{\\theta}}(j)\\bigl(r(j) - J(\\boldsymbol{\\theta})\\bigr)", "\\nabla_{\\boldsymbol{\\theta}} 1"],
        notes="Definition (1): J(theta) (the expectation form is an identity). Gradients read componentwise (stated); softmax policy, "
              "K = 1..4, every j (and every (a, j) for the log-derivative display). Example: theta = (0, 0), r = (1, 3)."),
    "reinforce_bandit_blog.md": dict(
        family=F["pg"],
        style="Markdown blog post: Bernoulli policy \\sigma(\\theta)^{a}, one $$ per step, \\begin{align*} in Markdown, J'(\\theta) "
              "prime notation, e^{-\\ln 3}, python code fence",
        notation=["\\pi_\\theta(a) = \\sigma(\\theta)^{a}\\bigl(1 - \\sigma(\\theta)\\bigr)^{1 - a}", "a - \\sigma(\\theta)", "J'(\\theta)",
                  "\\mathbb{E}\\bigl[r_a\\,(a - \\sigma(\\theta))\\bigr]", "\\sigma(\\ln 3)", "\\frac{1}{1 + 1/3}"],
        notes="Definitions (2): pi_theta(a), J(theta). The pi and score displays are checked for a = 0 and a = 1; expectations are the "
              "explicit two-term sums."),
    "normal_mgf_handout.tex": dict(
        family=F["mgf"],
        style="LaTeX review handout: align with M_X(t) = E[...] &= \\int (two '=' in one row), completing the square, improper "
              "Gaussian integrals, two chains per \\[ \\] (\\qquad), prime notation M_X'(0), cumulant K_X, M_{X+Y}",
        notation=["M_X(t) = \\mathbb{E}\\bigl[e^{tX}\\bigr]", "\\int_{-\\infty}^{\\infty} e^{tx}\\,\\frac{1}{\\sigma\\sqrt{2\\pi}}\\exp\\Bigl(...\\Bigr)\\,dx",
                  "e^{\\mu t + \\sigma^2 t^2/2}", "M_X''(t)", "\\operatorname{Var}(X)", "K_X(t) = \\log M_X(t)", "M_{X+Y}(t)"],
        notes="Definitions (2): M_X(t), K_X(t). Integrals by sympy.integrate (improper, sigma > 0). M_{X+Y} = M_X M_Y uses the stated "
              "independence; in that display X ~ N(mu_1, sigma_1^2), Y ~ N(mu_2, sigma_2^2)."),
    "mgf_moments_answer.md": dict(
        family=F["mgf"],
        style="Markdown Q&A answer: a 5-link $$ line with \\left[ \\right] and an infinite series, \\sum_{k=0}^{\\infty}, two chains per $$ "
              "(\\qquad), prime notation M'(0), M''(0)",
        notation=["M(t) = \\mathbb{E}\\left[e^{tK}\\right]", "\\sum_{k=0}^{\\infty} e^{tk}\\,\\frac{\\lambda^k e^{-\\lambda}}{k!}",
                  "\\frac{(\\lambda e^t)^k}{k!}", "e^{\\lambda(e^t - 1)}", "\\left(\\lambda e^t\\right)^2", "M_{K_1 + K_2}(t)"],
        notes="Definition (1): M(t). Infinite series are summed numerically (200 terms, factorially decaying) at each random point. "
              "M_{K_1 + K_2} = product of the MGFs uses the stated independence."),
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
