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
    "lr": "logistic_regression_bce_gradient",
    "ls": "least_squares_normal_equations",
    "gauss": "gaussian_mle",
    "bp": "two_layer_backprop",
    "act": "activation_derivatives_tanh_gelu_swish",
    "focal": "focal_loss_weighted_bce",
    "att": "scaled_dot_product_attention_gradient",
    "mle": "exponential_geometric_mle_bias_fisher",
    "kl": "kl_divergence_gaussian_bernoulli",
    "reg": "weight_decay_elastic_net_cosine_similarity",
}

META = {
    "softmax_jacobian_lecture.tex": dict(
        family=F["smx"],
        style="LaTeX lecture notes: \\newcommand{\\pd}[2] macro, named normaliser Z, quotient rule as a 5-link align with \\label/\\eqref "
              "and an && \\text{by \\eqref{...}} annotation, two one-link chains in one \\[ \\] (\\qquad), row-sum check ending in 0, "
              "numeric example with \\Bigl( \\Bigr)",
        notation=["Z = \\sum_{k=1}^{K} e^{z_k}", "s_i = \\frac{e^{z_i}}{Z}", "\\pd{s_i}{z_j}", "\\delta_{kj}, \\delta_{ij}",
                  "s_i\\left(\\delta_{ij} - s_j\\right)", "-s_i s_j \\quad (j \\neq i)", "\\ln"],
        notes="Definitions (2): Z, s_i. K = 1..4 with every (i, j); the (j \\neq i) chain only for i != j. Numbers: K = 3, z = (0, 0, ln 2)."),
    "softmax_logderivative_blog.md": dict(
        family=F["smx"],
        style="Markdown blog post with YAML front matter: log-derivative route, \\mathbb{1}[i=j] indicators (their '=' not counted), "
              "a 3-link $$ line, $$ + aligned (definition row + identity row; 4-link VJP chain), shift invariance with e^{c}, "
              "python code fence with '='",
        notation=["\\log s_i = z_i - \\log\\sum_{k} e^{z_k}", "\\frac{\\partial \\log s_i}{\\partial z_j}", "\\mathbb{1}[i=j]", "J_{ij}",
                  "s_i(z_1 + c, \\dots, z_K + c)", "g_i = \\partial L/\\partial s_i (prose)", "\\sum_{i} g_i s_i"],
        notes="Definition (1): J_{ij}. Upstream gradients g_i are free symbols (L = sum_i g_i s_i has exactly those partials). "
              "K = 1..4, every (i, j). Numbers: K = 2, z = (log 2, 0)."),
    "crossentropy_softmax_pset.tex": dict(
        family=F["ce"],
        style="LaTeX problem-set solution with \\paragraph parts: one-hot case (y_k = \\delta_{kc}) and general targets, 4-link align "
              "with && \\text{(...)} annotations (one containing $\\sum_k y_k = 1$) and \\nonumber/\\label, \\sum_{k \\neq j} split, "
              "gradient sum 1 - 1 = 0, Hessian p_j(\\delta_{ij} - p_i)",
        notation=["L = -\\sum_{k=1}^{K} y_k \\log p_k", "\\delta_{jc}", "\\sum_{k \\neq j} y_k", "p_j - y_j",
                  "\\frac{\\partial^2 L}{\\partial z_i\\,\\partial z_j}", "-\\frac{2}{3}"],
        notes="Definition (1): L. Targets satisfy sum_k y_k = 1 (stated; checked with y_K = 1 - the others); the one-hot part is checked "
              "with y_k = delta_kc for every (c, j). K = 1..4. Numbers: K = 3, z = 0, y = (0, 1, 0)."),
    "crossentropy_softmax_answer.md": dict(
        family=F["ce"],
        style="Markdown Q&A answer (blockquoted question): \\[ \\] displays in Markdown (3-link and 2-link), $$ + aligned with "
              "\\mathbb{1}[k=j], \\exp(\\cdot) and \\ln, mini-batch superscripts z^{(n)}_j, K = 2 sigmoid reduction, "
              "python code fence",
        notation=["L = -\\sum_k y_k \\ln p_k", "\\Bigl(\\sum_k y_k\\Bigr)\\ln\\sum_m \\exp(z_m)", "\\mathbb{1}[k=j]",
                  "\\frac{\\partial J}{\\partial z^{(n)}_j}", "\\sigma(z_1 - z_2)", "\\frac{3}{3 + 1}"],
        notes="Definition (1): L. sum_k y_k = 1 (stated; checked with y_K = 1 - the others). Mini-batch chain: N = 1..3, K = 1..3, every "
              "(n, j). Two-class chains with y_2 = 1 - y_1. Numbers: z = (ln 3, 0), y = (1/2, 1/2)."),
    "logistic_regression_handout.tex": dict(
        family=F["lr"],
        style="LaTeX handout: \\newcommand{\\R} and {\\w} (bold w), equation/align with \\label/\\eqref and && \\text{by \\eqref{...}}, "
              "sigma' = sigma(1 - sigma) derived, per-example derivative with \\hat{y}^{(i)} and y^{(i)}, align holding two chains "
              "(gradient by w_j and by b), worked example with two chains in one \\[ \\] (\\qquad)",
        notation=["\\sigma(z) = \\frac{1}{1 + e^{-z}}", "\\sigma'(z)", "J(\\w, b)", "\\hat{y}^{(i)}", "x^{(i)}_j",
                  "\\frac{1}{n} \\sum_{i=1}^{n} \\bigl(\\hat{y}^{(i)} - y^{(i)}\\bigr)\\, x^{(i)}_j", "\\log = \\ln (prose)"],
        notes="Definitions (2): sigma(z), J(w, b). The gradient identities are checked with d = 2 features, n = 1..4, j = 1, 2, labels "
              "real in (0, 1) (they do not need y in {0, 1}). Per-example displays use a single (z, y). Example: x = (1, 3), y = (1, 0), w = b = 0."),
    "logistic_gradient_notebook.md": dict(
        family=F["lr"],
        style="Markdown notebook export: summed (not averaged) NLL, \\begin{align*} directly in Markdown (4-link sigmoid derivative "
              "via the power (1 + e^{-t})^{-1}), $$ with two chains (\\qquad), $$ + aligned gradient, x_{ij} indexing, "
              "python code fences with '=' and a >>> session",
        notation=["L(\\mathbf{w}, b)", "t_i = \\mathbf{w}^\\top \\mathbf{x}_i + b (prose)", "\\frac{d\\sigma}{dt}",
                  "\\frac{d}{dt} \\ln \\sigma(t)", "\\sum_{i=1}^{n} \\bigl( \\sigma(t_i) - y_i \\bigr) x_{ij}", "\\frac{\\partial^2 L}{\\partial b^2}"],
        notes="Definition (1): L(w, b). d = 2 features, n = 1..4, j = 1, 2; labels real in (0, 1). Example: x = (0, 1), y = (1, 1), "
              "w = ln 3, b = 0."),
    "least_squares_lecture.tex": dict(
        family=F["ls"],
        style="LaTeX lecture notes (\\maketitle, \\section): MSE with 1/(2n), two-link equations with \\label, three Hessian chains in one "
              "\\[ \\] (\\qquad), normal-equation estimates as align definitions, align* centring identities, \\Big|_{(\\hat{w}, \\hat{b})} "
              "evaluation bars, 3-link align ending in 0, numeric example",
        notation=["J(w, b) = \\frac{1}{2n} \\sum_{i=1}^{n} \\left( w x_i + b - y_i \\right)^2", "\\bar{x}, \\bar{y}", "\\hat{w}, \\hat{b}",
                  "\\sum_{i=1}^{n} (x_i - \\bar{x})(y_i - \\bar{y})", "\\frac{\\partial J}{\\partial b}\\Big|_{(\\hat{w}, \\hat{b})}", "\\frac{4}{2}"],
        notes="Definitions (3): J(w, b), \\hat{w}, \\hat{b}. n = 1..4 (n = 2..4 where \\hat{w} appears; the x_i not all equal is stated). "
              "Example: x = (0, 1, 2), y = (1, 3, 5)."),
    "least_squares_blog.md": dict(
        family=F["ls"],
        style="Markdown blog post (YAML front matter): MSE with 1/n and no 1/2, \\partial_{w_j} notation, $$ + aligned (3 links) with a "
              "double sum, two definitions in one $$ (Gram matrix A_{jk}, moment vector c_j), Hessian chain, 1/2-convention chain with "
              "\\tilde{L}, three 2-link numeric chains in one $$, python code fence",
        notation=["L(\\mathbf{w}) = \\frac{1}{n}\\sum_{i=1}^{n}\\bigl(\\mathbf{w}^\\top\\mathbf{x}_i - y_i\\bigr)^2", "r_i (prose)", "\\partial_{w_j} L",
                  "A_{jk} = \\sum_{i=1}^{n} x_{ij} x_{ik}", "c_j", "\\partial_{w_k}\\partial_{w_j} L", "\\partial_{w_j}\\tilde{L}"],
        notes="Definitions (3): L(w), A_{jk}, c_j. Checked with (n, d) in {(1..4, 2), (2, 3), (3, 1)} and every j (every (j, k) for A "
              "and the Hessian). Example: points (0, 1), (1, 2), (2, 6) with an intercept; the stated solution w = (1/2, 5/2) is "
              "checked to solve the normal equations."),
    "gaussian_mle_section_notes.tex": dict(
        family=F["gauss"],
        style="LaTeX section notes: \\newcommand{\\llik} and {\\sumi} macros used inside the math, parametrised by sigma (not sigma^2), "
              "align definition + identity, \\Big|_{\\mu = \\hat{\\mu},\\, \\sigma = \\hat{\\sigma}} evaluation bars, sum-of-squares "
              "split, profile likelihood, second derivatives, numeric example",
        notation=["\\llik(\\mu, \\sigma)", "\\frac{1}{\\sigma\\sqrt{2\\pi}} \\exp\\Bigl( -\\frac{(x_i - \\mu)^2}{2\\sigma^2} \\Bigr)",
                  "\\hat{\\mu} = \\bar{x} (prose)", "\\hat{\\sigma}^2 = \\frac{1}{n} \\sumi (x_i - \\hat{\\mu})^2", "\\frac{\\partial \\llik}{\\partial \\sigma}",
                  "-\\frac{n}{2} \\bigl( \\log(2\\pi\\hat{\\sigma}^2) + 1 \\bigr)"],
        notes="Definitions (2): ell(mu, sigma), \\hat{sigma}^2. sigma > 0; n = 1..4, and n = 2..4 where \\hat{sigma} appears (stated: "
              "n >= 2, x_i not all equal). Example: x = (1, 2, 6)."),
    "gaussian_mle_forum_answer.md": dict(
        family=F["gauss"],
        style="Markdown forum answer (blockquoted question, --- rule): variance v = sigma^2 as the parameter, \\ln, "
              "\\begin{align*} directly in Markdown with \\Big|_{\\mu = \\bar{x}}, expectations \\mathbb{E}[X_i^2], \\mathbb{E}[\\bar{X}^2] "
              "(3-link chain), bias -v/n, Fisher information -\\mathbb{E}[\\cdot], \\operatorname{Var} in prose",
        notation=["\\ln L(\\mu, v)", "\\hat{v} = \\frac{1}{n}\\sum_{i=1}^{n}(x_i - \\bar{x})^2", "\\frac{\\partial \\ln L}{\\partial v}",
                  "\\mathbb{E}\\Bigl[\\sum_{i=1}^{n}(X_i - \\bar{X})^2\\Bigr]", "(n - 1)v", "-\\mathbb{E}\\Bigl[\\frac{\\partial^2 \\ln L}{\\partial v^2}\\Bigr]"],
        notes="Definitions (2): ln L(mu, v), \\hat{v}. X_i i.i.d. N(mu, v) (stated); expectations by an operator for independent "
              "samples with Gaussian moments. n = 1..4. Example: x = (2, 4, 9)."),
    "two_layer_backprop_lecture.tex": dict(
        family=F["bp"],
        style="LaTeX lecture notes: four forward definitions in a two-column align (&), \\newcommand{\\pdv}, tanh' via cosh, "
              "delta_j as a backpropagated error (stated not to be a Kronecker delta) defined in a 3-link equation, "
              "two chains per \\[ \\] (\\qquad), input gradient summing over hidden units, numeric check",
        notation=["a_j = \\sum_{k=1}^{D} W_{jk} x_k + b_j", "h_j = \\tanh(a_j)", "\\hat{y} = \\sum_{j=1}^{H} v_j h_j + c",
                  "L = \\tfrac{1}{2}(\\hat{y} - y)^2", "\\frac{1}{\\cosh^2 a}", "\\delta_j = \\pdv{L}{a_j}", "\\pdv{L}{W_{jk}}"],
        notes="Definitions (5): a_j, h_j, \\hat{y}, L, delta_j. H = 1..3 hidden units, D = 1..2 inputs, every (j, k). "
              "Numbers: H = D = 1, W = b = 0, v = 1, c = 0, x = 2, y = 1."),
    "sigmoid_network_backprop.md": dict(
        family=F["bp"],
        style="Markdown blog notes (YAML front matter): forward pass in a python code fence with '=', one $$ per step, "
              "\\begin{align*} with two one-link rows, scalar input with one weight per hidden unit, sigma'(a_j), sum over hidden "
              "units for dL/dx, numeric example with \\Bigl( \\Bigr)",
        notation=["L = -y \\ln p - (1 - y)\\ln(1 - p)", "\\frac{\\partial L}{\\partial p}", "\\frac{\\partial L}{\\partial o}",
                  "(p - y)\\, u_j\\, g_j (1 - g_j)", "\\sum_{j=1}^{H} \\frac{\\partial L}{\\partial a_j}\\, w_j", "-\\frac{3}{8}"],
        notes="Definition (1): L. a_j = w_j x + b_j, g_j = sigma(a_j), o = sum_j u_j g_j + c, p = sigma(o) in the code fence. "
              "H = 1..3, every j; y real in (0, 1). Numbers: H = 2, w = b = 0, u = (1, -1), c = 0, x = 3, y = 1."),
    "activation_derivatives_handout.tex": dict(
        family=F["act"],
        style="LaTeX handout: \\DeclareMathOperator{\\GELU}, tanh by the quotient rule (3-link align), a 4-link one-line equation "
              "2 sigma(2x) - 1 = ... = tanh x, inverse relation, consistency check, GELU tanh approximation with two definitions "
              "in one equation (\\qquad), decimals 0.044715 and 0.134145, \\Big|_{x = 0}",
        notation=["\\tanh x = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}", "1 - \\tanh^2 x", "2\\sigma(2x) - 1", "\\frac{1}{2}\\bigl(1 + \\tanh(x/2)\\bigr)",
                  "\\GELU_{\\tanh}(x)", "u = \\sqrt{2/\\pi}\\,\\bigl(x + 0.044715\\, x^3\\bigr)", "x\\,\\sigma(2u)", "u'(x)"],
        notes="Definitions (3): tanh x, GELU_tanh(x), u. Checked at random real x (decimals as exact rationals)."),
    "swish_derivative_post.md": dict(
        family=F["act"],
        style="Markdown blog post (YAML front matter): $$ + aligned 3-link product-rule chain, \\operatorname{silu}, prime notation "
              "f'(x), \\operatorname{silu}'(\\ln 3), \\left. \\right|_{\\beta = 0}, \\tanh\\frac{x}{2}, exact numbers with \\ln 3, "
              "python code fence",
        notation=["f(x) = x\\,\\sigma(\\beta x)", "f'(x)", "\\beta f(x) + \\sigma(\\beta x)\\bigl(1 - \\beta f(x)\\bigr)", "\\frac{\\partial f}{\\partial \\beta}",
                  "\\operatorname{silu}(x) - \\operatorname{silu}(-x)", "\\sigma(\\ln 3)", "\\frac{3}{4} + \\frac{3}{16}\\ln 3"],
        notes="Definition (1): f(x). beta real (random, including negative values); x real."),
    "focal_loss_appendix.tex": dict(
        family=F["focal"],
        style="LaTeX paper appendix (\\appendix, \\section, \\paragraph): \\newcommand{\\FL}, {\\CE}; p_t and alpha_t convention with "
              "s = 2y - 1 (stated), align with two one-link rows, 3-link align with \\nonumber/\\label, \\Big|_{\\gamma = 0}, "
              "numeric chain with \\log\\frac{1}{2}",
        notation=["p_t = \\sigma(s z)", "\\FL(z) = -\\alpha_t (1 - p_t)^{\\gamma} \\log p_t", "\\frac{\\partial \\FL}{\\partial p_t}",
                  "s\\, p_t (1 - p_t)", "s\\, \\alpha_t (1 - p_t)^{\\gamma} \\bigl( \\gamma p_t \\log p_t + p_t - 1 \\bigr)", "\\alpha_t (p - y)"],
        notes="Definitions (2): p_t, FL(z). Checked for y = 0 and y = 1 (the y = 1 display and the numbers only for y = 1); "
              "alpha in (0, 1), gamma > 0 (gamma = 0 and gamma = 2 where stated)."),
    "weighted_bce_qa.md": dict(
        family=F["focal"],
        style="Markdown Q&A (blockquoted question about pos_weight): two chains per $$ (\\qquad), logit form of the loss, "
              "\\Big|_{y = 1}, \\Big|_{w_+ = 1} evaluation bars, bias-only optimum sigma^* with a 2-link chain ending in 0, "
              "python code fence",
        notation=["L = -\\bigl[ w_+\\, y \\ln \\sigma(z) + (1 - y) \\ln\\bigl(1 - \\sigma(z)\\bigr) \\bigr]", "\\ln\\bigl(1 + e^{-z}\\bigr)",
                  "\\bigl(1 + (w_+ - 1) y\\bigr) \\sigma(z) - w_+\\, y", "\\sigma^{*} = \\frac{w_+ N_+}{w_+ N_+ + N_-}", "-\\frac{3}{2}"],
        notes="Definitions (2): L, sigma^*. y real in [0, 1] (the formulas hold for soft labels, stated); w_+ > 0; N_+, N_- > 0."),
    "attention_gradient_notes.tex": dict(
        family=F["att"],
        style="LaTeX notes: \\newcommand{\\pd}, scores as a definition + identity, two definitions in one equation (\\qquad), "
              "softmax Jacobian with \\delta_{ij}, 4-link align to alpha_j(v_j - o), 3-link sum-to-zero chain, gradient by the query "
              "through 1/\\sqrt{d}, numeric example with \\sqrt{4}",
        notation=["s_j = \\frac{q^\\top k_j}{\\sqrt{d}}", "\\alpha_j = \\frac{\\exp(s_j)}{\\sum_{t=1}^{T} \\exp(s_t)}", "o = \\sum_{j=1}^{T} \\alpha_j v_j",
                  "\\pd{o}{s_j}", "\\alpha_j \\left( v_j - o \\right)", "\\pd{o}{q_m}", "\\pd{o}{k_{jm}}"],
        notes="Definitions (3): s_j, alpha_j, o. T = 1..3 keys and d = 1..3 dimensions with every (j, m) (T = 1..4 and every (i, j) "
              "for the Jacobian). Example: d = 4, T = 2, equal scores."),
    "attention_backward_blog.md": dict(
        family=F["att"],
        style="Markdown blog post (YAML front matter): forward pass in a bullet list, \\begin{align*} directly in Markdown (3 links) "
              "with \\mathbb{1}[i=j], definition + identity chain for \\bar{u}, query/key/value gradients with 1/\\sqrt{d}, "
              "temperature view \\partial\\alpha_i/\\partial(q^\\top k_j), numeric chains, python code fence",
        notation=["g_r = \\partial L/\\partial o_r (prose)", "\\frac{\\partial L}{\\partial \\alpha_j} = \\sum_{r} g_r V_{jr}", "u_j (prose)",
                  "\\bar{u} = \\sum_{i} \\alpha_i u_i = \\sum_{r} g_r o_r", "\\frac{\\partial L}{\\partial k_{jm}}", "\\frac{\\partial L}{\\partial V_{jr}}"],
        notes="Definition (1): \\bar{u}. Upstream g_r free symbols (L = sum_r g_r o_r). T = 1..3, d = 1..2, d_v = 1..2 with every index; "
              "the temperature display with d = 1 and 4. Numbers: s = (0, ln 3), u = (2, 0)."),
    "exponential_mle_pset.tex": dict(
        family=F["mle"],
        style="LaTeX problem-set model solution: \\newcommand{\\E}, \\DeclareMathOperator{\\Var}, italic problem statement, "
              "2-link equation (definition + identity), align with two rows, Fisher information as definition, an improper Gamma "
              "integral, bias chain, invariance remark, numeric example",
        notation=["\\ell(\\lambda) = \\sum_{i=1}^{n} \\log\\bigl( \\lambda e^{-\\lambda x_i} \\bigr)", "\\hat{\\lambda} = \\frac{n}{\\sum_{i=1}^{n} x_i}",
                  "I(\\lambda) = -\\E\\bigl[\\ell''(\\lambda)\\bigr]", "\\E\\Bigl[\\frac{1}{S}\\Bigr]", "\\frac{\\lambda}{n - 1}", "\\E[\\bar{X}]"],
        notes="Definitions (3): ell(lambda), \\hat{lambda}, I(lambda). x_i > 0, lambda > 0; n = 1..4 (n = 2..4 for the bias, stated). "
              "The Gamma integral is evaluated by sympy.integrate at each point; E over independent Exp(lambda) samples by moments k!/lambda^k. "
              "Example: x = (1, 2, 3)."),
    "geometric_mle_notebook.md": dict(
        family=F["mle"],
        style="Markdown notebook export: pmf f(k; p) as a definition, \\[ \\] display in Markdown (3-link substitution check ending "
              "in 0), infinite series \\sum_{k=1}^{\\infty}, \\begin{align*} with a row holding two '=' (I(p) = -E[...] &= ...), "
              "python code fence",
        notation=["f(k; p) = p\\,(1 - p)^{k - 1}", "\\ell(p)", "\\hat{p} = \\frac{n}{\\sum_{i} k_i}", "\\mathbb{E}[X] = \\sum_{k=1}^{\\infty} k\\, p\\,(1 - p)^{k - 1}",
                  "\\ell''(p)", "\\frac{n}{p^2 (1 - p)}"],
        notes="Definitions (4): f(k; p), ell(p), \\hat{p}, I(p). n = 1..4; the k_i are checked as reals > 1 (stated: not all k_i equal 1). "
              "The series is summed term by term at each point (p >= 0.45, geometric decay). E[sum_i X_i] = n/p (stated)."),
    "kl_gaussians_appendix.tex": dict(
        family=F["kl"],
        style="LaTeX paper appendix: \\newcommand{\\KL} and {\\Ep}, log-ratio identity, two moment identities in one equation (\\qquad), "
              "3-link align (definition + 2), three derivatives in \\[ \\], VAE special case with log-variance omega, numeric example",
        notation=["\\KL(p \\,\\|\\, q) = \\Ep\\bigl[\\log p(X) - \\log q(X)\\bigr]", "\\Ep\\bigl[(X - \\mu_2)^2\\bigr]",
                  "\\log\\frac{\\sigma_2}{\\sigma_1} + \\frac{\\sigma_1^2 + (\\mu_1 - \\mu_2)^2}{2\\sigma_2^2} - \\frac{1}{2}", "\\frac{\\partial \\KL}{\\partial \\sigma_1}",
                  "\\frac{1}{2}\\bigl(\\mu^2 + \\sigma^2 - 1 - \\log\\sigma^2\\bigr)", "\\omega = \\log\\sigma^2 (prose)"],
        notes="Definition (1): KL(p || q). sigma_1, sigma_2 > 0. Expectations under p by Gaussian moments of X. The VAE display uses "
              "mu_2 = 0, sigma_2 = 1 (stated); the numbers mu_1 = 1, sigma_1 = 1, mu_2 = 0, sigma_2 = 2."),
    "kl_bernoulli_blog.md": dict(
        family=F["kl"],
        style="Markdown blog post (YAML front matter): one $$ per step, a 3-link common-denominator chain, logit gradient via "
              "q = sigma(z), difference of logits, \\Big|_{q = p}, numeric chains with \\frac{1/2}{1/4} and \\ln\\frac{4}{3}, "
              "python code fence",
        notation=["D(p, q) = p \\ln\\frac{p}{q} + (1 - p) \\ln\\frac{1 - p}{1 - q}", "\\frac{\\partial D}{\\partial q}", "\\frac{q - p}{q(1 - q)}",
                  "\\ln\\frac{p}{1 - p} - \\ln\\frac{q}{1 - q}", "\\frac{1}{p(1 - p)}", "D\\Bigl(\\frac{1}{2}, \\frac{1}{4}\\Bigr)"],
        notes="Definition (1): D(p, q). p, q in (0, 1); the logit chain with q = sigma(z)."),
    "weight_decay_elastic_net_notes.tex": dict(
        family=F["reg"],
        style="LaTeX section notes: \\DeclareMathOperator{\\sign}, \\newcommand{\\bw}, g_j = dL/dw_j named in prose, gradient step as "
              "definition + identity, superscript iterates w_j^{(t)}, elastic net with per-region align* rows (&& \\text{for } w_j > 0), "
              "\\sign, one-feature ridge, decimals 0.05, 0.95, 0.9025",
        notation=["J(\\bw) = L(\\bw) + \\frac{\\lambda}{2} \\sum_{k=1}^{d} w_k^2", "w_j^{+}", "(1 - \\eta\\lambda)^{t}\\, w_j^{(0)}",
                  "R(\\bw) = \\lambda_1 \\sum_{k=1}^{d} |w_k| + \\frac{\\lambda_2}{2} \\sum_{k=1}^{d} w_k^2", "\\lambda_1 \\sign(w_j) + \\lambda_2 w_j",
                  "\\hat{w} = \\frac{\\sum_{i=1}^{n} x_i y_i}{\\sum_{i=1}^{n} x_i^2 + \\lambda}"],
        notes="Definitions (5): J(w), w_j^+, R(w), J(w) (one feature), \\hat{w}. L = sum_k g_k w_k (its gradient is g, as the prose "
              "says); d = 1..3, every j; the decay chain for t = 1..4 with g = 0 (stated); region rows only on their region "
              "(w_j > 0, w_j < 0), the sign formula on both; numbers eta = 0.1, lambda = 0.5."),
    "cosine_similarity_gradient_answer.md": dict(
        family=F["reg"],
        style="Markdown Q&A answer (blockquoted question): \\[ \\] displays in Markdown, \\begin{align*} directly in Markdown "
              "(3-link quotient rule with a fraction inside a fraction), \\|u\\| norms, orthogonality check ending in 0, "
              "unit-vector case, two numeric chains in one \\[ \\] (\\qquad) with \\sqrt{2}, python code fence",
        notation=["\\cos(u, v) = \\frac{u^\\top v}{\\|u\\|\\,\\|v\\|}", "\\frac{\\partial \\|u\\|}{\\partial u_j}", "\\frac{\\partial \\cos(u, v)}{\\partial u_j}",
                  "\\frac{1}{\\|u\\|}\\Bigl(\\frac{v_j}{\\|v\\|} - \\cos(u, v)\\,\\frac{u_j}{\\|u\\|}\\Bigr)", "v_j - (u^\\top v)\\,u_j"],
        notes="Definition (1): cos(u, v). u, v nonzero; d = 1..4, every j; the unit-vector display is checked at u = a/|a|, v = b/|b| "
              "(stated: ||u|| = ||v|| = 1). Example: u = (1, 0), v = (1, 1)."),
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
