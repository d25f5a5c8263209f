#!/usr/bin/env python3
"""Write the planted copies and MANIFEST.json of corpus_ml7.

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
    "ls": "least_squares_gradient_normal_equations",
    "gauss": "gaussian_log_likelihood_mle",
    "var": "variance_covariance_identities",
    "bp": "backprop_neuron_and_two_layer_net",
    "int": "definite_integrals",
    "sum": "series_partial_sums",
    "kl": "kl_divergence_gaussians_bernoullis",
    "bv": "bias_variance_decomposition",
    "act": "activation_derivatives",
}

META = {
    "softmax_jacobian_textbook.tex": dict(
        family=F["smx"],
        style="LaTeX textbook-chapter excerpt (\\numberwithin, \\setcounter{section}, \\newtheorem example): every display numbered "
              "with \\label and cited by \\eqref; normaliser Z defined separately, dZ/dz_j through delta_kj (3 links), quotient rule "
              "as a 4-link align with \\label on middle rows and \\nonumber, diagonal and off-diagonal cases, row sums to 0, "
              "log-softmax Jacobian, VJP align with upstream g_i, K = 2 reduction to the sigmoid, worked example with two chains (\\qquad)",
        notation=["s_i = \\frac{\\exp(z_i)}{\\sum_{k=1}^{K} \\exp(z_k)}", "\\sum_{k=1}^{K} \\delta_{kj} \\exp(z_k)",
                  "\\frac{1}{Z}\\,\\frac{\\partial \\exp(z_i)}{\\partial z_j} - \\frac{\\exp(z_i)}{Z^2}\\,\\frac{\\partial Z}{\\partial z_j}",
                  "s_i \\left(\\delta_{ij} - s_j\\right)", "s_j \\Bigl( g_j - \\sum_{i=1}^{K} g_i s_i \\Bigr)", "\\tfrac{1}{2}\\cdot\\tfrac{1}{2}"],
        notes="Definitions (2): s_i, Z. K = 1..4 with every index (i, j); the off-diagonal display only for i != j; upstream g_i free "
              "symbols (L = sum_i g_i s_i has exactly those partials). sigma is the logistic sigmoid, delta the Kronecker delta, "
              "log natural (all stated). Numbers: K = 3, z = (0, 0, log 2)."),
    "softmax_jacobian_log_trick_answer.md": dict(
        family=F["smx"],
        style="Markdown Stack-Exchange-style answer (### title, blockquoted question with inline math only, accepted-answer line, "
              "bold run-in headings, closing comment): log-derivative route d log p_i / d a_j, \\mathbb{1}[i=j] indicators (not "
              "counted), \\begin{align*} written directly in Markdown, symmetry chain, row sums, second derivatives of log p_i "
              "with three indices, \\tfrac34 numbers, numpy code fence with '='",
        notation=["\\log p_i = a_i - \\log \\sum_{k=1}^{K} e^{a_k}", "\\frac{\\partial a_i}{\\partial a_j}", "\\mathbb{1}[i=j] - p_j",
                  "p_i \\, \\frac{\\partial \\log p_i}{\\partial a_j}", "p_j \\, \\mathbb{1}[i=j] - p_j p_i",
                  "\\frac{\\partial^2 \\log p_i}{\\partial a_k \\, \\partial a_j}"],
        notes="No definitions (p_i is defined inline in the quoted question). K = 1..4, every (i, j); the off-diagonal display "
              "only for i != j; the second-derivative display for K = 1..3 and every (i, j, k). Numbers: K = 2, a = (log 3, 0)."),
    "crossentropy_softmax_slides.tex": dict(
        family=F["ce"],
        style="LaTeX slide-like terse notes (article with a \\slide macro, \\hrule, itemize bullets, \\[ \\] and align* only): "
              "soft targets with sum_k y_k = 1, loss rewritten in the logits (3 links), the long chain-rule route through dp_k/dz_j "
              "(5 links, last step uses sum y = 1, result in \\boxed), the short route, temperature T, a linear layer underneath (dW_jd, db_j with "
              "delta_kj), gradient sums to 0, numbers",
        notation=["L = -\\sum_{k=1}^{K} y_k \\log p_k", "\\Bigl(\\sum_{k} y_k\\Bigr) \\log\\sum_{m} e^{z_m}",
                  "\\sum_{k} \\Bigl(-\\frac{y_k}{p_k}\\Bigr)\\, p_k (\\delta_{kj} - p_j)", "\\frac{1}{T}\\,(q_j - y_j)",
                  "\\sum_{k} (p_k - y_k)\\, \\delta_{kj}\\, x_d", "-\\log \\tfrac14"],
        notes="Definitions (2): L, z_k. Soft targets y_k with sum_k y_k = 1 (stated; checked with y_K = 1 - the others), K = 1..4, "
              "every j; temperature T > 0; linear layer with K = 1..3 classes, D = 1..2 inputs, every (j, d). Numbers: K = 3, "
              "z = (log 4, log 2, log 2), y = (0, 1, 0)."),
    "crossentropy_gradient_notebook.md": dict(
        family=F["ce"],
        style="Markdown Jupyter notebook export (In [n]/Out[n] code cells with '=', PyTorch): one-hot class c with \\mathbb{1}[j=c], "
              "loss as -z_c + log-sum-exp, mini-batch mean J with z^{(b)}_j and a primed summation index b', the K = 2 case as "
              "binary cross-entropy in d = z_1 - z_2, Hessian chain, quadratic form as a variance, worked example with \\tfrac58",
        notation=["L = -\\log p_c", "-\\mathbb{1}[j=c] + p_j", "\\frac{1}{B} \\sum_{b'=1}^{B} \\frac{\\partial L^{(b')}}{\\partial z^{(b)}_j}",
                  "\\frac{\\partial L}{\\partial d} \\, \\frac{\\partial d}{\\partial z_1}", "p_j \\bigl( \\mathbb{1}[i=j] - p_i \\bigr)",
                  "\\sum_{j} p_j v_j^2 - \\Bigl( \\sum_{j} p_j v_j \\Bigr)^2"],
        notes="Definitions (2): L (= -log p_c), J. K = 1..4, every true class c and every (i, j); mini-batches B = 1..3 with K = 1..3 and "
              "every (or, for B = 3, four) class assignments, every (b, j); the K = 2 displays for y = 0 and y = 1. Numbers: K = 3, "
              "z = (0, log 2, log 5), c = 3."),
    "logistic_regression_appendix.tex": dict(
        family=F["lr"],
        style="LaTeX paper appendix (\\appendix, \\section with \\label, \\paragraph{Notation}): numbered align environments with "
              "\\label/\\nonumber and \\eqref, \\mathcal{L}, bold vectors, x^{(i)}_j, y^{(i)}, t^{(i)}; sigma' and the two log-sigmoid "
              "derivatives, mean log-loss with ridge penalty, residual sigma(t) - y (&& \\text{by \\eqref{...}} annotations), gradient by w_j and b, Hessian with lambda "
              "delta_jk, softplus form of the loss, numbers with \\tfrac",
        notation=["\\sigma'(t) = \\frac{e^{-t}}{(1 + e^{-t})^2}", "\\frac{d}{dt} \\log\\bigl(1 - \\sigma(t)\\bigr)",
                  "\\mathcal{L}(\\mathbf{w}, b)", "\\frac{1}{n} \\sum_{i=1}^{n} \\bigl( \\sigma(t^{(i)}) - y^{(i)} \\bigr) x^{(i)}_j + \\lambda w_j",
                  "\\frac{\\partial^2 \\mathcal{L}}{\\partial w_j \\, \\partial w_k}", "\\log(1 + e^{t}) - y t"],
        notes="Definitions (3): sigma(t), L(w, b), ell(t). Labels y^{(i)} in {0, 1} (stated): every label pattern for n = 1, 2, three "
              "for n = 3, two for n = 4; d = 2 features and every (j, k); lambda >= 0. Numbers: d = 1, n = 2, x = (2, 1), "
              "y = (0, 1), w = 0, b = log 3 (lambda left symbolic)."),
    "logistic_regression_likelihood_blog.md": dict(
        family=F["lr"],
        style="Markdown blog post with YAML front matter (math: katex): likelihood-first derivation with gradient ascent, $$ blocks "
              "one chain each, $$\\begin{aligned}...\\end{aligned}$$ (counted as $$ display), x_{ij} indices, log-odds chain, "
              "log of a \\prod as a sum, "
              "sigma' as a power, one-example chain with \\Bigl[ \\Bigr], sign flip to the averaged cross-entropy, Hessian, decimals",
        notation=["\\sigma(t) = \\frac{1}{1 + e^{-t}} = \\frac{e^{t}}{1 + e^{t}}", "\\log \\frac{1/(1 + e^{-t})}{e^{-t}/(1 + e^{-t})}",
                  "\\log \\prod_{i=1}^{n} P(y_i \\mid \\mathbf{x}_i)", "\\Bigl[ \\frac{y}{\\sigma(t)} - \\frac{1 - y}{1 - \\sigma(t)} \\Bigr] \\sigma'(t)\\, x_j",
                  "J(\\mathbf{w}, b) = -\\frac{1}{n}\\, \\ell(\\mathbf{w}, b)", "\\bigl(1 - \\sigma(0)\\bigr) \\cdot 2"],
        notes="Definitions (3): sigma(t), ell(w, b), J(w, b). Labels in {0, 1} (label patterns as in the appendix), d = 2, every "
              "(j, k); the one-example chain for y = 0 and y = 1 and both j. Numbers: x = (1, 2), y = 1, w = (0.5, -0.25), b = 0."),
    "simple_regression_pset.tex": dict(
        family=F["ls"],
        style="LaTeX problem-set solution posted by a TA: one display per step (\\[ \\] only) with prose between ('Differentiating', "
              "'Similarly', 'where we used', 'hence'); beta_0, beta_1, x-bar, y-bar; gradient, rewrite with 2n, normal equations in "
              "prose, closed-form estimators as definitions, centring identities, gradient at the solution ending in 0 with "
              "\\Big|_{\\hat{\\beta}}, residual orthogonality, Hessian determinant, decimal numbers",
        notation=["S(\\beta_0, \\beta_1) = \\sum_{i=1}^{n} (y_i - \\beta_0 - \\beta_1 x_i)^2", "2n(\\beta_0 + \\beta_1 \\bar{x} - \\bar{y})",
                  "\\hat{\\beta}_1 = \\frac{\\sum_{i=1}^{n} (x_i - \\bar{x})(y_i - \\bar{y})}{\\sum_{i=1}^{n} (x_i - \\bar{x})^2}",
                  "\\frac{\\partial S}{\\partial \\beta_0}\\Big|_{\\hat{\\beta}}", "\\det H", "3 - 1.4 \\times 1.5"],
        notes="Definitions (3): S(beta_0, beta_1), beta-hat_1, beta-hat_0. n = 1..4 (n = 2..4 where the estimates appear; n >= 2 and "
              "x_i not all equal stated). The normal equations are stated inline, not as display links. Numbers: x = (0, 1, 2, 3), "
              "y = (1, 3, 2, 6)."),
    "least_squares_index_forum.md": dict(
        family=F["ls"],
        style="Markdown forum reply (bold thread title, blockquoted original post, --- rule, moderator reply, follow-up quote): "
              "index notation x_{ik} w_k, chain-rule route as a 4-link \\begin{align*} in Markdown ending in (X^T y - X^T X w)_j "
              "(an && \\text{...} annotation with an inline $k = j$ inside), "
              "expand-first route with named sums G_kl, c_k, Hessian 2(X^T X)_jk, one-feature closed form w-hat with \\dfrac, J'(w-hat) = 0, "
              "minimum value, numbers, numpy code fence with '='",
        notation=["J(\\mathbf{w}) = \\sum_{i=1}^{n} \\Bigl( y_i - \\sum_{k=1}^{d} x_{ik} w_k \\Bigr)^2", "\\frac{\\partial w_k}{\\partial w_j}",
                  "-2 \\bigl( X^\\top \\mathbf{y} - X^\\top X \\mathbf{w} \\bigr)_j", "G_{kl} = \\sum_{i} x_{ik} x_{il}",
                  "J'(w) = -2 \\sum_{i=1}^{n} x_i (y_i - w x_i)", "\\frac{\\bigl( \\sum_{i} x_i y_i \\bigr)^2}{\\sum_{i} x_i^2}"],
        notes="Definitions (4): J(w), G_kl, c_k, w-hat. n = 1..4, d = 1..3, every (j, k); the one-feature displays with n = 1..4 "
              "(not all x_i zero, stated). Numbers: x = (1, 2, 2), y = (1, 3, 2)."),
    "gaussian_likelihood_exam.tex": dict(
        family=F["gauss"],
        style="LaTeX exam model solution (centred header, italic question, \\subsection* parts with [marks] via a \\pts macro, "
              "'Examiner's note' paragraphs via \\note): the variance sigma^2 as the parameter (sigma^4 = (sigma^2)^2 stated), "
              "equation* and align*, scores, MLEs as definitions, score at the MLE with \\Big|_{\\mu = \\hat{\\mu},\\ \\sigma^2 = \\hat{\\sigma}^2}, "
              "second derivatives, Fisher information entries as -E[...] definitions, numbers",
        notation=["\\ell(\\mu, \\sigma^2)", "\\frac{\\partial \\ell}{\\partial \\sigma^2}", "\\frac{1}{2\\sigma^4} \\Bigl[ \\sum_{i=1}^{n} (x_i - \\mu)^2 - n\\sigma^2 \\Bigr]",
                  "\\frac{\\partial^2 \\ell}{\\partial (\\sigma^2)^2}", "I_{\\sigma^2\\sigma^2} = -E\\Bigl[ \\frac{\\partial^2 \\ell}{\\partial (\\sigma^2)^2} \\Bigr]",
                  "\\frac{n}{\\sigma^4}\\, E\\bigl[ \\bar{X} - \\mu \\bigr]"],
        notes="Definitions (6): ell(mu, sigma^2), mu-hat, sigma-hat^2, I_{mu mu}, I_{mu sigma^2}, I_{sigma^2 sigma^2}. X_i i.i.d. "
              "N(mu, sigma^2), sigma^2 > 0; expectations by an operator for independent samples with Gaussian moments; n = 1..4 "
              "(2..4 where the MLEs appear). Numbers: data 2, 4, 4, 6."),
    "gaussian_sigma_mle_study_notes.md": dict(
        family=F["gauss"],
        style="Markdown study-group notes (attendance line, scribe, 'Priya's board', 'Aisha's check', TODO): sigma (not sigma^2) as "
              "the parameter with a stated notation warning that \\partial^2/\\partial\\sigma^2 means twice in sigma, \\partial_\\mu \\ell; \\[ \\] displays "
              "in Markdown besides $$; \\begin{align*} in Markdown with \\Big|_{\\mu = \\bar{x},\\ \\sigma = \\hat{\\sigma}}; chain rule "
              "between the sigma and sigma^2 parametrisations; expected information; numbers",
        notation=["\\log f(x \\mid \\mu, \\sigma)", "\\partial_\\mu \\ell", "\\ell(\\mu, \\sigma) = \\sum_{i=1}^{n} \\log f(x_i \\mid \\mu, \\sigma)",
                  "\\frac{\\partial \\ell}{\\partial (\\sigma^2)} \\cdot \\frac{d (\\sigma^2)}{d \\sigma}", "\\hat{\\sigma} = \\sqrt{\\frac{1}{n} \\sum_{i=1}^{n} (x_i - \\bar{x})^2}",
                  "\\frac{\\partial^2 \\ell}{\\partial \\sigma^2}", "I(\\sigma) = -E \\Bigl[ \\frac{\\partial^2 \\ell}{\\partial \\sigma^2} \\Bigr]"],
        notes="Definitions (4): ell(mu, sigma), mu-hat, sigma-hat, I(sigma). sigma > 0; X_i i.i.d. N(mu, sigma^2); n = 1..4 (2..4 where "
              "the MLE appears; x_i not all equal stated). Numbers: data 2, 2, 6, 6."),
    "variance_covariance_lecture.tex": dict(
        family=F["var"],
        style="LaTeX lecture notes (\\maketitle, \\section, lemma/proof with \\qedhere): \\newcommand{\\E}[1] with a parameter "
              "(\\E{X^2}), parameterless \\newcommand{\\Xbar}, {\\mux}, {\\muy}, \\DeclareMathOperator{\\Var} and {\\Cov}; shortcut "
              "formula as a 4-link align (definition + 3) with && \\text{...} annotations, Var(aX + b), covariance definition + computing form, affine covariance, "
              "Var(X + Y) and Var(X - Y), Var of the sample mean (4 links), the n - 1 argument, numbers",
        notation=["\\Var(X) = \\E{(X - \\mu)^2}", "\\E{X^2} - 2\\mu\\,\\E{X} + \\mu^2", "\\E{(aX + b - a\\mu - b)^2}",
                  "\\Cov(aX + c, bY + d) = \\E{(aX - a\\mux)(bY - b\\muy)}", "\\frac{1}{n^2} \\Var\\Bigl( \\sum_{i=1}^{n} X_i \\Bigr)",
                  "n(\\sigma^2 + \\mu^2) - n\\Bigl( \\frac{\\sigma^2}{n} + \\mu^2 \\Bigr)"],
        notes="Definitions (2): Var(X), Cov(X, Y). General (X, Y): expectation as a linear map to joint moments, checked on random "
              "discrete joint distributions; i.i.d. samples with mean mu and variance sigma^2 for n = 1..4 (n = 2..4 for the n - 1 "
              "display). Example: X uniform on {1, 2, 3, 4}."),
    "variance_rules_cheatsheet.md": dict(
        family=F["var"],
        style="Markdown cheat-sheet (numbered ### rules, one-line reasons, --- rule, 'Traps' line): E[X] without blackboard bold "
              "and E[X]^2 meaning (E[X])^2 (stated), \\operatorname{Var}, \\mathrm{Cov}, \\mathrm{Corr}; bilinearity with four "
              "covariances, Cov(X + Y, X - Y), correlation under affine maps with |a| |c|, weighted i.i.d. sums (double sum), "
              "Bernoulli and uniform variances (the latter by integrals), numbers",
        notation=["E\\bigl[(X - E[X])^2\\bigr]", "ac\\,\\mathrm{Cov}(X, X) + ad\\,\\mathrm{Cov}(X, Y) + bc\\,\\mathrm{Cov}(Y, X) + bd\\,\\mathrm{Cov}(Y, Y)",
                  "\\frac{ac}{|a|\\,|c|}\\, \\mathrm{Corr}(X, Y)", "\\sum_{i=1}^{n} \\sum_{j=1}^{n} w_i w_j\\, \\mathrm{Cov}(X_i, X_j)",
                  "\\int_0^1 u^2\\,du - \\Bigl( \\int_0^1 u\\,du \\Bigr)^2", "\\operatorname{Var}\\bigl(a + (b - a)U\\bigr)"],
        notes="Definition (1): Var(X). General (X, Y) by joint moments on random discrete distributions (a, c != 0 almost surely); "
              "i.i.d. samples for n = 1..4; Bernoulli p in (0, 1); U uniform on (0, 1) by sympy.integrate, a < b (drawn from "
              "disjoint ranges). Numbers: Var X = 4, Var Y = 1, Cov = 1 (stated), a = 2, b = -3."),
    "backprop_two_layer_lecture.tex": dict(
        family=F["bp"],
        style="LaTeX lecture notes (\\maketitle): \\newcommand{\\pd}[2] for partials, \\newcommand{\\W}[2] for W_{jk}, parameterless "
              "\\yhat; a tanh neuron with squared loss (three one-line definitions in an align), tanh' via sinh/cosh, three-factor "
              "and four-factor chain rules as products of \\pd, a two-column align with four definitions, errors delta_j defined "
              "as dL/du_j (not a Kronecker delta, stated), input gradient summed over paths, numbers",
        notation=["\\pd{L}{a}\\, \\pd{a}{z}\\, \\pd{z}{w_k}", "\\frac{\\cosh^2 z - \\sinh^2 z}{\\cosh^2 z}",
                  "u_j = \\sum_{k=1}^{D} \\W{j}{k}\\, x_k + c_j", "\\pd{L}{\\yhat}\\, \\pd{\\yhat}{h_j}\\, \\pd{h_j}{u_j}\\, \\pd{u_j}{\\W{j}{k}}",
                  "\\delta_j = \\pd{L}{u_j}", "\\sum_{j=1}^{H} \\delta_j \\W{j}{k}"],
        notes="Definitions (8): z, a, L (neuron), u_j, h_j, y-hat, L (network), delta_j. Neuron with D = 1..3 inputs; network with "
              "H = 1..3 hidden units and D = 1..H inputs, every (j, k); y real. Numbers: D = H = 1, x = 1, W = c = 0, v = 2, d = 0, y = 0."),
    "backprop_computational_graph_blog.md": dict(
        family=F["bp"],
        style="Markdown blog post (YAML front matter): 'multiply along a path, add over paths'; a softplus neuron with squared loss, "
              "a 2-2-1 tanh network written out without sums (two-column \\begin{align*} in Markdown with six definitions), "
              "products of four partials with \\cdot, the two-path input gradient, numbers, PyTorch code fence with '='",
        notation=["\\frac{d}{dz} \\log(1 + e^{z}) = \\frac{e^{z}}{1 + e^{z}}", "\\frac{\\partial L}{\\partial a} \\cdot \\frac{\\partial a}{\\partial z} \\cdot \\frac{\\partial z}{\\partial w}",
                  "z_2 = w_{21} x_1 + w_{22} x_2", "(\\hat{y} - y) \\cdot v_2 \\cdot (1 - \\tanh^2 z_2) \\cdot x_1",
                  "\\frac{\\partial \\hat{y}}{\\partial h_1} \\frac{\\partial h_1}{\\partial z_1} \\frac{\\partial z_1}{\\partial x_1}",
                  "(0 - 1) \\cdot 3 \\cdot (1 - 0^2) \\cdot 2"],
        notes="Definitions (6): z_1, z_2, h_1, h_2, y-hat, L (the neuron's z, a, L are defined inline). Every (j, k) in {1, 2}. "
              "Numbers: neuron w = b = 0, x = 3, y = 0; network x = (2, -1), W = 0, v = (1, 3), y = 1."),
    "definite_integrals_tutorial.tex": dict(
        family=F["int"],
        style="LaTeX tutorial-sheet worked solutions (\\section* per exercise, equation with \\label, one align): integration by "
              "parts once and twice with \\Bigl[ \\Bigr]_a^b evaluation brackets, substitution with changed limits, a normalising "
              "constant and a mean on [0, 1], the Laplace distribution with |x| (normaliser and second moment), an exponential CDF",
        notation=["\\Bigl[ x \\sin x \\Bigr]_0^{\\pi/2} - \\int_0^{\\pi/2} \\sin x\\,dx", "-e^{-1} + 2\\bigl( -e^{-1} + 1 - e^{-1} \\bigr)",
                  "\\int_0^2 x e^{-x^2/2}\\,dx = \\int_0^2 e^{-u}\\,du", "\\int_{-\\infty}^{\\infty} e^{-|x|/b}\\,dx",
                  "\\frac{1}{b} \\cdot 2b^3", "\\Bigl[ -e^{-\\lambda x} \\Bigr]_0^t"],
        notes="No definitions. b > 0, lambda > 0, t >= 0 (stated). Integrals by sympy.integrate (the |x| integrals split at 0 by "
              "hand); evaluation brackets as F(b) - F(a) with a limit at infinity."),
    "integrals_moments_notebook.md": dict(
        family=F["int"],
        style="Markdown notebook export (scipy quad code cells with Out lines): upright \\mathrm{d}x, I_n = n I_{n-1} by parts "
              "(a chain that starts with a definition), the exponential mean by substitution u = lambda x, the moment generating "
              "function M(s) for s < lambda and its derivatives with primes, a normal variance by standardising, a Beta(3, 3) "
              "normaliser",
        notation=["I_n = \\int_0^\\infty x^{n} e^{-x}\\,\\mathrm{d}x", "\\Bigl[ -x^{n} e^{-x} \\Bigr]_0^\\infty", "\\frac{1}{\\lambda}\\, I_1",
                  "M(s) = \\mathbb{E}\\bigl[e^{sX}\\bigr]", "M''(0) = \\frac{2\\lambda}{\\lambda^{3}}",
                  "\\frac{\\sigma^2}{\\sqrt{2\\pi}} \\int_{-\\infty}^{\\infty} t^2 e^{-t^2/2}\\,\\mathrm{d}t"],
        notes="Definitions (2): I_n, M(s). n = 1..5; lambda > 0 and s < lambda (sampled from disjoint ranges); sigma > 0 the standard "
              "deviation. Integrals by sympy.integrate; the M(s) integrals with a positive dummy for lambda - s."),
    "finite_and_power_series_textbook.tex": dict(
        family=F["sum"],
        style="LaTeX textbook excerpt (\\numberwithin, every display \\label-ed and cross-referenced with \\eqref): Gauss pairing, "
              "arithmetic progression, geometric sum by telescoping with (1 - r), sum of squares via falling products k(k - 1) "
              "(\\underbrace{...}_{\\text{by \\eqref{...}}} annotations), "
              "differentiating the geometric series term by term (three displays), the mean of a geometric count, two numeric checks",
        notation=["\\sum_{k=0}^{n-1} k + \\sum_{k=0}^{n-1} (n - 1 - k)", "\\frac{n}{2}\\bigl( 2a + (n - 1)d \\bigr)",
                  "\\sum_{k=0}^{n-1} \\bigl( r^k - r^{k+1} \\bigr)", "\\frac{1}{3} \\sum_{k=1}^{n} \\bigl[ (k + 1)k(k - 1) - k(k - 1)(k - 2) \\bigr]",
                  "\\frac{d}{dr} \\sum_{k=0}^{\\infty} r^k", "r \\cdot \\frac{(1 - r)^2 + 2r(1 - r)}{(1 - r)^4}"],
        notes="No definitions. n = 1..6 with r real (r != 1) for the finite sums; the infinite series at 0.05 <= r <= 0.5 (the text: "
              "|r| < 1), summed term by term, 'd/dr sum r^k' as the term-by-term derivative; p in [0.5, 0.95] with q = 1 - p for "
              "E[N] (the text: 0 < p < 1)."),
    "telescoping_sums_study_group.md": dict(
        family=F["sum"],
        style="Markdown study-group notes (names per derivation, 'Q from Sam', 'Next week'): odd numbers, sum of cubes by "
              "telescoping squared triangular numbers, a partial-fraction telescope, weighted geometric sums by differentiating "
              "the finite geometric sum (\\begin{align*} in Markdown), x = 2 and x = 1/2 evaluations, an infinite series",
        notation=["2 \\sum_{k=1}^{n} k - n", "\\frac{k^2}{4} \\bigl[ (k + 1)^2 - (k - 1)^2 \\bigr]", "\\Bigl( \\frac{n(n + 1)}{2} \\Bigr)^2",
                  "\\frac{1}{2} \\Bigl[ \\frac{1}{k(k + 1)} - \\frac{1}{(k + 1)(k + 2)} \\Bigr]",
                  "\\frac{(n + 1) x^{n} (x - 1) - (x^{n+1} - 1)}{(x - 1)^2}", "\\frac{1}{2} \\cdot \\frac{1}{(1 - 1/2)^2}"],
        notes="No definitions. n = 1..6; the term identities for real k (k > 0 for the partial fractions); x real, x != 1; the "
              "infinite series summed term by term."),
    "kl_gaussians_appendix.tex": dict(
        family=F["kl"],
        style="LaTeX paper appendix (\\appendix, \\section with \\label): \\newcommand{\\KL}[2] with two parameters and "
              "parameterless \\N; definition as an integral then expectation form (align with \\label and \\nonumber), the second "
              "moment about mu_2 by centring, substituted closed form, equal-variance case, partial derivatives in mu_1 and sigma_1, "
              "the VAE prior term with the log-variance v, numbers with \\approx",
        notation=["\\KL{p}{q} = \\int_{-\\infty}^{\\infty} p(x) \\log \\frac{p(x)}{q(x)}\\,dx", "\\mathbb{E}_p\\bigl[ \\log p(X) - \\log q(X) \\bigr]",
                  "\\sigma_1^2 + 2(\\mu_1 - \\mu_2)\\,\\mathbb{E}_p[X - \\mu_1] + (\\mu_1 - \\mu_2)^2",
                  "\\log\\frac{\\sigma_2}{\\sigma_1} + \\frac{\\sigma_1^2 + (\\mu_1 - \\mu_2)^2}{2\\sigma_2^2} - \\frac{1}{2}",
                  "\\frac{1}{2}\\bigl( \\mu^2 + \\sigma^2 - \\log\\sigma^2 - 1 \\bigr)", "\\frac{\\partial}{\\partial v}\\, \\frac{1}{2}\\bigl( \\mu^2 + e^{v} - v - 1 \\bigr)"],
        notes="Definition (1): D_KL(p || q) as the integral. sigma_1, sigma_2 > 0; the integral by sympy.integrate, expectations under "
              "p by Gaussian moments; sigma^2 = e^v (stated). Numbers: mu_1 = 1, sigma_1 = 1, mu_2 = 0, sigma_2 = 2."),
    "kl_bernoulli_blog.md": dict(
        family=F["kl"],
        style="Markdown blog post (YAML front matter, katex: true): KL between two coins, sum over x in {0, 1}, D(p || p) = 0, "
              "cross-entropy minus entropy, derivatives in q with \\Big|_{q = p}, the binomial case with \\binom (KL adds over "
              "independent tosses), asymmetry with two worked values and \\tfrac arguments",
        notation=["D(p \\,\\|\\, q) = \\sum_{x \\in \\{0, 1\\}} P(x) \\log \\frac{P(x)}{Q(x)}", "H(p, q) - H(p)",
                  "-\\frac{p}{q} + \\frac{1 - p}{1 - q} = \\frac{q - p}{q (1 - q)}", "\\frac{\\partial^2 D}{\\partial q^2} \\Big|_{q = p}",
                  "\\sum_{k=0}^{n} \\binom{n}{k} p^k (1 - p)^{n - k} \\Bigl[ k \\log \\frac{p}{q} + (n - k) \\log \\frac{1 - p}{1 - q} \\Bigr]",
                  "\\frac{1}{2} \\log 2 + \\frac{1}{2} \\log \\frac{2}{3}"],
        notes="Definitions (3): D(p || q), H(p), H(p, q). p, q in (0, 1); the binomial display for n = 1..4. Numbers: p = 1/2, q = 1/4 "
              "both ways."),
    "bias_variance_exam_solutions.tex": dict(
        family=F["bv"],
        style="LaTeX exam model solution (\\subsection* parts with marks, sans-serif 'Marking:' remarks via a macro): "
              "\\DeclareMathOperator{\\Bias}, {\\Var}, {\\MSE}; the decomposition as a 4-link align* (definition + 3) ending in \\boxed{...}, the "
              "shrinkage estimator c X-bar (mean, bias, variance, MSE), optimal c* (definition + identity) and its MSE, normal-data "
              "variance estimators S^2 and sigma-hat^2_b, numbers",
        notation=["\\MSE(\\hat\\theta) = \\mathbb{E}\\bigl[ (\\hat\\theta - \\theta)^2 \\bigr]",
                  "2\\bigl( \\mathbb{E}[\\hat\\theta] - \\theta \\bigr)\\, \\mathbb{E}\\bigl[ \\hat\\theta - \\mathbb{E}[\\hat\\theta] \\bigr]",
                  "\\Bias(c\\bar{X}) = c\\mu - \\mu = (c - 1)\\mu", "c^* = \\frac{\\mu^2}{\\mu^2 + \\sigma^2/n}",
                  "\\frac{\\sigma^4 \\mu^2 + n\\mu^4 \\sigma^2}{(n\\mu^2 + \\sigma^2)^2}", "\\Bigl( -\\frac{\\sigma^2}{n} \\Bigr)^2 + \\frac{2(n - 1)\\sigma^4}{n^2}"],
        notes="Definitions (2): MSE(theta-hat), c*. theta-hat general (expectation on joint moments of random discrete "
              "distributions); X_i i.i.d. with mean mu and variance sigma^2 for n = 1..4; normal data with Gaussian moments up to order "
              "4 for n = 2..4 (n >= 2 stated). Numbers: n = 4, mu = 1, sigma^2 = 4."),
    "bias_variance_prediction_answer.md": dict(
        family=F["bv"],
        style="Markdown Q&A answer (## title, blockquoted question, vote line, bold run-in headings, an italic 'Comment'): the "
              "prediction-error version sigma^2 + Bias^2 + Var with \\hat f and \\varepsilon, the two cross terms vanishing for "
              "different reasons (\\begin{align*} in Markdown and a 3-link $$ chain), shortcut-formula comment, k-NN regression "
              "(mean, variance, expected error), decimals",
        notation=["\\mathbb{E}\\bigl[(f - \\hat f + \\varepsilon)^2\\bigr]", "2\\,\\mathbb{E}[f - \\hat f]\\,\\mathbb{E}[\\varepsilon]",
                  "(f - \\mathbb{E}\\hat f)^2 + 2(f - \\mathbb{E}\\hat f)\\,\\mathbb{E}\\bigl[\\mathbb{E}\\hat f - \\hat f\\bigr] + \\mathbb{E}\\bigl[(\\hat f - \\mathbb{E}\\hat f)^2\\bigr]",
                  "\\sigma^2 + \\operatorname{Bias}(\\hat f)^2 + \\operatorname{Var}(\\hat f)", "\\frac{1}{k^2} \\sum_{l=1}^{k} \\operatorname{Var}(\\varepsilon_l)",
                  "0.3 + 0.3^2 + \\frac{0.3}{3}"],
        notes="No definitions (Bias and the setup are defined inline). f-hat general and independent of the noise (E[eps] = 0, "
              "E[eps^2] = sigma^2, stated): expectation on moments with the noise moments substituted; k-NN with k = 1..4, "
              "i.i.d. zero-mean noises. Numbers: f = 0, sigma^2 = 0.3, f_l = 0.1, 0.2, 0.6."),
    "activation_derivatives_cheatsheet.tex": dict(
        family=F["act"],
        style="LaTeX two-column cheat-sheet (multicol, \\section* per activation, equation* only): \\DeclareMathOperator for softplus, "
              "swish, GELU, erf; sigma', tanh as a rescaled sigmoid with tanh' = 4 sigma'(2x), softplus and its identity "
              "softplus(x) - softplus(-x) = x, swish' rewritten in swish's own terms, the beta-swish, GELU via Phi and varphi (varphi' "
              "= -x varphi stated), GELU'', values at zero",
        notation=["\\tanh x = 2\\sigma(2x) - 1", "4\\sigma(2x)\\bigl(1 - \\sigma(2x)\\bigr)", "\\softplus(x) - \\softplus(-x) = x",
                  "\\swish(x) + \\sigma(x)\\bigl(1 - \\swish(x)\\bigr)", "\\Phi(x) = \\frac{1}{2}\\Bigl[ 1 + \\erf\\Bigl( \\frac{x}{\\sqrt{2}} \\Bigr) \\Bigr]",
                  "\\varphi(x) + \\varphi(x) + x\\,\\varphi'(x)"],
        notes="Definitions (3): softplus, swish, GELU. x real, beta real; Phi(x) checked as the integral of varphi (numerically) "
              "against the erf form."),
    "activation_gradients_notebook.md": dict(
        family=F["act"],
        style="Markdown notebook export (torch.autograd check cells with '='): softplus' rewritten as 1 - e^{-softplus(x)}, tanh' "
              "from the exponential definition (4 links), swish with a slope beta in its own terms and at 0, the tanh approximation "
              "of GELU with decimals 0.044715 and 0.134145, a layer-level chain rule with upstream g_i and W_{jk}",
        notation=["1 - e^{-\\operatorname{softplus}(x)}", "\\frac{(e^{x} + e^{-x})^2 - (e^{x} - e^{-x})^2}{(e^{x} + e^{-x})^2}",
                  "\\beta\\, s(x) + \\sigma(\\beta x) \\bigl(1 - \\beta\\, s(x)\\bigr)", "u(x) = \\sqrt{2/\\pi}\\, (x + 0.044715\\, x^3)",
                  "\\sum_{i} g_i \\, \\frac{\\partial h_i}{\\partial z_i} \\, \\frac{\\partial z_i}{\\partial W_{jk}}", "g_j\\, \\phi'(z_j)\\, x_k"],
        notes="Definitions (4): softplus(x), s(x), g(x), u(x). x real, beta real; decimals as exact rationals; the layer with H = 1..3 "
              "outputs, D = 1..H inputs, every (j, k), upstream g_i free symbols (L = sum_i g_i h_i has exactly those partials)."),
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
