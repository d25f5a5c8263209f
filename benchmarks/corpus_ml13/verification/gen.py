#!/usr/bin/env python3
"""Write the planted copies and MANIFEST.json of corpus_ml13.

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
    "norm": "normalisation_layers_layernorm_batchnorm",
    "vae": "variational_autoencoders_kl_elbo",
    "bayes": "bayesian_conjugate_updates",
    "bond": "bond_price_duration_convexity",
    "osc": "damped_oscillators_rc_rl_circuits",
    "calc": "first_year_calculus_applications",
}

META = {
    "layernorm_backward_lecture.tex": dict(
        family=F["norm"],
        style="LaTeX lecture scribe notes (\\maketitle with \\\\[2pt] in the title and a scribes line, macros \\xh for x-hat, a "
              "two-argument \\dd for partial derivatives and \\sumi, \\sumj for sums with bounds, numbered equation/align with "
              "\\label and \\eqref, align* chains over two and three rows, \\[...\\] with two chains separated by \\qquad, "
              "\\paragraph run-in headings, the Kronecker delta \\delta_{ij}, \\approx after a chain): LayerNorm over N features: mu, "
              "sigma^2, x-hat_i, y_i; the centred inputs sum to zero; N = 3 written out (d sigma^2/dx_1, d x-hat_1/dx_1); general N: "
              "d mu/dx_j, d sigma^2/dx_j, ds/dx_j, the Jacobian (N delta_ij - 1 - x-hat_i x-hat_j)/(Ns), the backward pass, the "
              "parameter gradients; the input gradients sum to zero; sum_j x-hat_j dL/dx_j = (epsilon/s^3) sum_i h_i x-hat_i; "
              "numbers at x = (0, 3, 3), g = (0, 1, 0), epsilon = 0",
        notation=["\\sumi (x_i - \\mu) = \\sumi x_i - N\\mu = 0",
                  "\\dd{\\xh_1}{x_1} = \\frac{2}{3s} - \\frac{(x_1 - \\mu)^2}{3s^3} = \\frac{2 - \\xh_1^2}{3s}",
                  "\\dd{s}{x_j} = \\frac{1}{2s}\\dd{\\sigma^2}{x_j} = \\frac{x_j - \\mu}{Ns} = \\frac{\\xh_j}{N}",
                  " = \\frac{1}{Ns}\\bigl(N\\delta_{ij} - 1 - \\xh_i\\xh_j\\bigr). \\label{eq:jac}",
                  "&= -\\frac{1}{Ns}\\Bigl(\\sumj\\xh_j\\Bigr)\\Bigl(\\sumi h_i\\xh_i\\Bigr) = 0 .",
                  "  = \\frac{\\varepsilon}{s^3}\\sumi h_i\\xh_i ,"],
        notes="Definitions (4): mu, sigma^2 (for N = 1..4), x-hat_i, y_i. Every derivative is sympy.diff of the forward pass written "
              "from x_1..x_N with s = sqrt(sigma^2 + epsilon), checked for N = 1..4 and every index pair; h_i = gamma_i g_i as the "
              "text binds it, and dL/dx_j is sum_i g_i gamma_i d x-hat_i/dx_j (the upstream gradient given); dL/dgamma_i and "
              "dL/dbeta_i are sympy.diff of sum_k g_k y_k. epsilon > 0 (sampled in [0.05, 1]); the worked example sets epsilon = 0 "
              "as the text does: x = (0, 3, 3), gamma_i = 1, g = (0, 1, 0)."),
    "batchnorm_gradients_notebook.md": dict(
        family=F["norm"],
        style="Markdown notebook export (# file name, italic kernel line, ## numbered sections, **In [n]:** NumPy code cells with "
              "'=' and **Out[n]:** lines in code spans, single-line $$...$$ displays, \\hat x_i, \\epsilon, sums with bounds "
              "over i and j, a \\qquad pair, \\approx after a chain): BatchNorm over a batch of m: mu_B, sigma_B^2, x-hat_i, y_i; "
              "the staged backward pass through the graph nodes x-hat, sigma_B^2 and mu_B (the indirect path of mu_B vanishing), "
              "the three-path dL/dx_i, the collected formula, dL/dgamma and dL/dbeta and the compact kernel form; the input "
              "gradients summing to zero; m = 2 giving gamma epsilon (g_1 - g_2)/(2 s^3); a hand check of the code output at "
              "x = (2, 4, 4, 6), gamma = 2, g = (1, 0, 0, 0), epsilon = 0",
        notation=["\\frac{\\partial L}{\\partial \\hat x_i} = \\gamma g_i",
                  "\\frac{\\partial L}{\\partial \\sigma_B^2} = \\sum_{i=1}^{m}\\frac{\\partial L}{\\partial \\hat x_i}\\,(x_i - \\mu_B)\\Bigl(-\\frac12\\Bigr)(\\sigma_B^2 + \\epsilon)^{-3/2}",
                  "\\frac{\\partial L}{\\partial \\sigma_B^2}\\cdot\\frac{-2}{m}\\sum_{i=1}^{m}(x_i - \\mu_B)",
                  "\\frac{\\gamma}{m\\sqrt{\\sigma_B^2 + \\epsilon}}\\Bigl(m g_i - \\frac{\\partial L}{\\partial \\beta} - \\hat x_i\\,\\frac{\\partial L}{\\partial \\gamma}\\Bigr)",
                  "\\frac{\\gamma}{2s}(g_1 - g_2)\\bigl(1 - \\hat x_1^2\\bigr) = \\frac{\\gamma\\epsilon\\,(g_1 - g_2)}{2s^3}",
                  "\\frac{1}{2\\sqrt2}\\bigl(4 - 1 - (-\\sqrt2)(-\\sqrt2)\\bigr)"],
        notes="Definitions (4): mu_B, sigma_B^2 (for m = 1..4), x-hat_i, y_i. L is linearised at the upstream gradient, L = sum_i g_i y_i. "
              "The node gradients are sympy.diff with mu_B and sigma_B^2 as independent arguments of x-hat (dL/dsigma_B^2), and with "
              "sigma_B^2 written as a function of x and mu_B (dL/dmu_B, the direct plus the indirect path); dL/dx_i is sympy.diff of "
              "the composite in x_i; all for m = 1..4 and every i. Numbers: x = (2, 4, 4, 6), gamma = 2, g = (1, 0, 0, 0), epsilon = 0 "
              "as the text says."),
    "vae_kl_appendix.tex": dict(
        family=F["vae"],
        style="LaTeX paper appendix (\\appendix with \\section and \\subsection, a reference to Eq. (4) of the (absent) main text, "
              "macros \\KL, \\E, \\N, \\lv for the log-variance and \\Rg for the regulariser, a proposition numbered A.1 with a proof "
              "ending in \\qedhere inside \\[...\\], numbered equation/align with \\label, \\eqref and \\nonumber rows, \\paragraph, "
              "\\approx after a chain, natural \\log): the log-density ratio of two Gaussians, E_q[(z - mu_2)^2] by recentring, "
              "KL(q || p) in closed form, the N(0, 1) case, a two-coordinate diagonal Gaussian; R(mu, ell) and its gradients; the "
              "reparameterisation derivatives; the single-sample estimator and its pathwise gradient are unbiased; the Gaussian "
              "decoder's log-likelihood and gradient; the ELBO gap equals the KL to the posterior in a linear-Gaussian model; "
              "numbers at mu = 0.5, sigma^2 = 0.25",
        notation=["\\log\\frac{q(z)}{p(z)} = \\log\\frac{\\sigma_2}{\\sigma_1} - \\frac{(z-\\mu_1)^2}{2\\sigma_1^2} + \\frac{(z-\\mu_2)^2}{2\\sigma_2^2}.",
                  "\\E_q\\bigl[(z-\\mu_2)^2\\bigr] &= \\E_q\\bigl[(z-\\mu_1)^2\\bigr] + 2(\\mu_1 - \\mu_2)\\,\\E_q[z - \\mu_1] + (\\mu_1-\\mu_2)^2 \\nonumber\\\\",
                  "\\Rg(\\mu, \\lv) = \\frac12\\bigl(\\mu^2 + e^{\\lv} - 1 - \\lv\\bigr),",
                  "\\frac{\\partial z}{\\partial\\lv} = \\frac12 e^{\\lv/2}\\varepsilon = \\frac{\\sigma\\varepsilon}{2} = \\frac{z - \\mu}{2}",
                  "\\log p(x) - \\mathcal{L}(q) = \\frac12\\log\\frac{\\bar v}{v} + \\frac{v + (m - \\bar m)^2}{2\\bar v} - \\frac12",
                  "\\frac{\\partial\\Rg}{\\partial\\lv} = \\frac12(0.25 - 1) = -0.375"],
        notes="Definitions (4): KL(q || p) = E_q[log q/p] (first link), R(mu, ell), log p_theta(x | z) (the decoder's density), L(q) "
              "(first link). Expectations under q are definite integrals against the stated Gaussian density (mpmath quadrature); "
              "expectations over epsilon use the standard normal moments; derivatives are sympy.diff with sigma = e^{ell/2} as bound "
              "in the text. In the proposition p(x) = N(0, 1 + s^2) and the posterior N(m-bar, v-bar) are checked against Bayes' rule "
              "(the maximiser and the inverse curvature of log p(z) + log p(x | z)); the ELBO and both KL divergences are integrals. "
              "Numbers (decimals as exact rationals): mu = 0.5, sigma^2 = 0.25."),
    "vae_elbo_blog.md": dict(
        family=F["vae"],
        style="Markdown blog post (YAML front matter with title/date/author/tags/math, a PyTorch one-liner in a code span, a bold "
              "conventions paragraph, ## numbered sections, single-line $$...$$ displays with \\qquad pairs, \\mathbb{E} with "
              "subscripts, \\mathrm{KL}, \\mathrm{ELBO}, K_{\\text{total}}, \\approx after chains, natural \\log): the ELBO; the "
              "second moment of q through z = mu + sigma epsilon; the entropy H[q] and the cross-entropy H[q, p]; KL = H[q, p] - "
              "H[q] and its log-variance form; gradients in mu, v and sigma and their consistency through d sigma/dv; pathwise "
              "gradients of E[z^2]; the Gaussian decoder as a scaled MSE; numbers at mu = 1, sigma = 1/2 and a second coordinate "
              "at the prior",
        notation=["\\mathbb{E}_q[z^2] = \\mathbb{E}\\bigl[(\\mu + \\sigma\\epsilon)^2\\bigr]",
                  "H[q] = -\\mathbb{E}_q[\\log q(z)] = \\frac12\\log(2\\pi\\sigma^2) + \\frac{\\mathbb{E}_q[(z - \\mu)^2]}{2\\sigma^2}",
                  "\\mathrm{KL}(q\\,\\|\\,p) = H[q, p] - H[q]",
                  "\\frac{\\partial K}{\\partial v} = \\Bigl(\\sigma - \\frac{1}{\\sigma}\\Bigr)\\frac{\\sigma}{2} = \\frac{\\sigma^2 - 1}{2}",
                  "\\mathbb{E}_\\epsilon[2z\\,\\epsilon] = 2\\mu\\,\\mathbb{E}[\\epsilon] + 2\\sigma\\,\\mathbb{E}[\\epsilon^2] = 2\\sigma",
                  "K_{\\text{total}} = \\Bigl(\\frac18 + \\log 2\\Bigr) + \\frac12\\bigl(0 + 1 - 1 - \\log 1\\bigr)"],
        notes="Definitions (3): ELBO(x) (the reconstruction expectation left as a symbol on both sides), H[q] and H[q, p] (first links). "
              "Expectations under q are definite integrals against the N(mu, sigma^2) density; expectations over epsilon use the "
              "standard normal moments; K is sympy.diff'd in mu and v (with sigma = e^{v/2}) and in sigma. Numbers (exact): mu = 1, "
              "sigma = 1/2 (v = log 1/4); the second coordinate at mu = 0, sigma = 1."),
    "conjugate_updates_exam.tex": dict(
        family=F["bayes"],
        style="LaTeX exam model solutions (centered header with \\\\[3pt], \\section* per question with a \\pts macro, italic "
              "(a)-(d) parts, macros \\E, \\Var, \\Be, \\Ga, \\ybar, equation with \\label, align* over two rows, \\[...\\] with two "
              "chains separated by \\qquad, \\Pr with a \\text event, markers' notes and a 'Common error' remark, \\approx after "
              "chains): Beta-Binomial kernel, posterior mean as a weighted average of prior mean and MLE, predictive probability, "
              "posterior variance, numbers a = b = 2, y = 7, n = 10; Normal-Normal with known variance: derivatives of the "
              "log-posterior, precisions adding, the posterior mean in three forms, the predictive variance, numbers; Gamma-Poisson "
              "kernel, posterior mean, the probability of a zero count, numbers alpha = 3, beta = 1, y = (2, 4, 1, 3)",
        notation=["\\theta^{y}(1-\\theta)^{n-y}\\cdot\\theta^{a-1}(1-\\theta)^{b-1} = \\theta^{a+y-1}(1-\\theta)^{b+n-y-1}",
                  "\\frac{a + b}{a + b + n}\\cdot\\frac{a}{a + b} + \\frac{n}{a + b + n}\\cdot\\frac{y}{n}",
                  "\\frac{d^2}{d\\theta^2}\\log p(\\theta \\mid x) &= -\\frac{1}{\\tau_0^2} - \\frac{n}{\\sigma^2} = -\\frac{1}{\\tau_n^2},",
                  "\\Var(\\tilde x \\mid x) = \\Var(\\theta \\mid x) + \\sigma^2\\Var(\\eta) = \\tau_n^2 + \\sigma^2",
                  "\\Pr(\\text{next count is } 0 \\mid y) = \\int_0^\\infty e^{-\\lambda}\\,\\frac{\\beta_n^{\\alpha_n}}{\\Gamma(\\alpha_n)}\\lambda^{\\alpha_n - 1}e^{-\\beta_n\\lambda}\\,d\\lambda",
                  "\\E[\\lambda \\mid y] = \\frac{13}{5} = \\frac15\\cdot 3 + \\frac45\\cdot 2.5 = 2.6"],
        notes="Definitions (2): 1/tau_n^2 (the posterior precision, equation (prec); encoded as minus the curvature of the log-posterior) and mu_n (first link; encoded as the root of the "
              "derivative of the log-posterior, so it is checked too). Posterior moments and predictive probabilities are ratios of "
              "definite integrals of the unnormalised posterior kernel (quadrature), with n = y + f for real y, f > 0; the "
              "Normal-Normal displays for n = 1..4 observations, the posterior variance as minus the inverse curvature, the "
              "predictive variance from independent standard normals. Numbers (decimals as exact rationals): a = b = 2, y = 7, n = 10; "
              "mu_0 = 0, tau_0^2 = 1, sigma^2 = 4, n = 4 with mean 2; alpha = 3, beta = 1, S = 10, n = 4."),
    "conjugate_priors_study_group.md": dict(
        family=F["bayes"],
        style="Markdown study-group notes (# title with week, italic attendance line, a conventions bullet list, ## numbered "
              "sections named after the speaker, bold **Worked numbers**, single-line $$...$$ displays with \\qquad pairs, primes "
              "alpha', beta', \\text{data} and \\text{mode} in displays, \\operatorname{Var}, x_{1:n}, a SciPy code fence with '=', "
              "a numbered list of mistakes, a bold TODO): Beta-Bernoulli shrinkage of the posterior mean from the MLE in closed "
              "form, E[theta^2] for two more heads, the MAP; Normal-Normal in precisions: lambda_n, mu_n, the coefficient of theta, "
              "sequential = batch updating, the predictive variance; Gamma-Poisson with an exposure: the posterior mean as a "
              "weighted average, the mode, the probability of a quiet week; numbers for each",
        notation=["\\frac{\\alpha t - \\beta h}{(\\alpha + \\beta + h + t)(h + t)}",
                  "\\frac{\\alpha'}{\\alpha' + \\beta'}\\cdot\\frac{\\alpha' + 1}{\\alpha' + \\beta' + 1}",
                  "\\lambda_n = \\lambda_0 + n\\lambda",
                  "\\mu_2 = \\frac{(\\lambda_0 + \\lambda)\\mu_1 + \\lambda x_2}{(\\lambda_0 + \\lambda) + \\lambda}",
                  "\\operatorname{Var}(\\tilde x \\mid x_{1:n}) = \\frac{1}{\\lambda_n} + \\frac{1}{\\lambda}",
                  "\\text{mode} = \\frac{11 - 1}{5} = 2"],
        notes="Definitions (2): lambda_n and mu_n (encoded as minus the curvature and the maximiser of the log-posterior, so both are "
              "checked). Beta moments and Gamma-Poisson posterior moments are ratios of definite integrals of likelihood x prior "
              "(quadrature) with real h, t, y, T > 0; the Normal-Normal displays for n = 1..4; the coefficient of theta by expanding "
              "the log-posterior; mu_1 bound in prose; modes from sympy.solve. Numbers (decimals as exact rationals): alpha = beta = 1, "
              "h = 3, t = 1; mu_0 = 0, lambda_0 = 1, lambda = 4, x = (1.0, 1.5); a = 2, b = 1, y = 9, T = 4."),
    "bond_duration_textbook.tex": dict(
        family=F["bond"],
        style="LaTeX textbook excerpt (\\setcounter{section}{4}, lemmas with proofs, one ending in \\qedhere inside align*, an "
              "example environment numbered with the lemmas, macros \\CF, \\Dmac, \\Dmod, \\Cx and \\sumT, numbered equations with "
              "\\label/\\eqref and \\ref, evaluation bars \\Big|_{C = yF} and \\Big|_{C = 0}, align* with two chains in one row "
              "separated by \\qquad, \\approx after chains): the price as discounted cash flows for maturity T, the three-year "
              "bond, the annuity lemma by telescoping, the closed form, pricing at par; Macaulay duration, dP/dy = -D P/(1 + y), "
              "modified duration, the zero-coupon duration T; convexity; continuous compounding and the chain rule to it; a "
              "three-year 10% bond at 10% yield with duration, convexity and the second-order price change",
        notation=["(1+y)\\,a_T - a_T = \\sum_{t=0}^{T-1}(1+y)^{-t} - \\sumT (1+y)^{-t} = 1 - (1+y)^{-T}",
                  "P(y)\\Big|_{C = yF} = F\\bigl(1 - (1+y)^{-T}\\bigr) + F(1+y)^{-T} = F",
                  "\\frac{dP}{dy} &= \\sumT \\CF_t\\,\\frac{d}{dy}(1+y)^{-t} = -\\sumT t\\,\\CF_t\\,(1+y)^{-t-1} \\\\",
                  "\\Dmac\\Big|_{C = 0} = \\frac{1}{F(1+y)^{-T}}\\cdot\\frac{T F}{(1+y)^T} = T",
                  "\\frac{dP}{dr} = \\frac{dP}{dy}\\,\\frac{dy}{dr} = -\\frac{\\Dmac P}{1+y}\\,e^{r} = -\\Dmac P",
                  "\\Dmod = \\frac{3641}{1331\\cdot 1.1} = \\frac{36410}{14641}"],
        notes="Definitions (5): P(y) (for T = 1..4), D_mac, D_mod (first link), Conv (first link), P(r). The price is written from its "
              "cash flows for T = 1..4 and differentiated with sympy.diff in y; d/dy (1 + y)^{-t} is sympy.diff too; continuous "
              "compounding with e^r = 1 + y as the text binds it (D_mac and P evaluated at y = e^r - 1). Numbers (decimals as exact "
              "rationals): F = 100, C = 10, T = 3, y = 0.10, Delta y = 0.01."),
    "bond_convexity_cheatsheet.md": dict(
        family=F["bond"],
        style="Markdown cheat sheet (# title, a one-paragraph notation header, --- rules, bold run-in headings P1, P2, D, C, "
              "Delta P, displays indented inside bulleted list items, single-line $$...$$ displays with \\qquad pairs, "
              "\\mathrm{CF}_t, D_{\\text{mac}}, D_{\\text{mod}}, P_\\infty, C_\\infty, a Python code fence with '=', a numbered "
              "pitfalls list, \\approx after chains): the annuity form of the price, a two-year bond in v = 1/(1 + y), dv/dy and "
              "d v^t/dy, dP/dy, Macaulay and modified duration, the two-year duration in c and v, the second derivative and "
              "convexity, a perpetuity's price (as a series), derivative, convexity and durations, continuous-compounding weights "
              "summing to one; a two-year 5% bond at 4% with price, durations and convexity",
        notation=["P = cF\\,\\frac{1 - v^{n}}{y} + Fv^{n}",
                  "\\frac{d}{dy}v^t = t\\,v^{t-1}\\frac{dv}{dy} = -t\\,v^{t+1}",
                  "D_{\\text{mod}} = v\\,D_{\\text{mac}} = -\\frac{1}{P}\\,\\frac{dP}{dy}",
                  "\\frac{c + 2(c + 1)v}{c + (c + 1)v}",
                  "D_{\\text{mac}} = (1 + y)\\,D_{\\text{mod}} = \\frac{1 + y}{y}",
                  "\\frac{2\\cdot 5\\cdot 1.04 + 6\\cdot 105}{1.04^2\\,(5\\cdot 1.04 + 105)}"],
        notes="Definitions (6): P (for n = 1..4), D_mac, D_mod (first link), C, P_infinity (the series sum_t cF v^t, summed term by "
              "term), C_infinity (first link). Prices are written from the cash flows for n = 1..4 and differentiated with "
              "sympy.diff in y; d v^t/dy for t = 1..4; the perpetuity's Macaulay duration is the ratio of two infinite series (the "
              "perpetuity's yield sampled in [0.2, 0.6] so the series converge quickly); continuous weights for n = 1..4. Numbers "
              "(decimals as exact rationals): F = 100, c = 0.05, y = 0.04, n = 2."),
    "oscillators_circuits_slides.tex": dict(
        family=F["osc"],
        style="LaTeX slides in the base slides class (landscape, one slide environment per slide, a \\slidehead macro, \\emf for the "
              "emf and \\env for e^{-gamma t}, dots for time derivatives, \\[...\\] and align* displays including a chain whose first "
              "row holds only the left-hand side (&\\quad= rows) and a chain broken over two rows with &\\qquad, the equations of "
              "motion inline only, \\approx after chains, units in \\text/\\mathrm): roots of the characteristic equation by sum "
              "and product; x = A e^{-gamma t} cos(omega t) differentiated twice and substituted, zero under omega^2 = omega_0^2 - "
              "gamma^2; dE/dt = -b xdot^2 along solutions; critical damping b_c and (A + Bt)e^{-gamma t}; RC charging and RL "
              "current checked in their equations; numbers m = 1, k = 4, b = 0.4, Q = 5, RC = 1",
        notation=["r_+r_- = \\gamma^2 - (\\gamma^2 - \\omega_0^2) = \\omega_0^2",
                  "\\ddot x &= A\\env\\bigl((\\gamma^2 - \\omega^2)\\cos\\omega t + 2\\gamma\\omega\\sin\\omega t\\bigr).",
                  "&\\quad= A\\env(\\omega_0^2 - \\gamma^2 - \\omega^2)\\cos\\omega t = 0 .",
                  "\\frac{dE}{dt} = m\\dot x\\ddot x + kx\\dot x = \\dot x\\,(m\\ddot x + kx) = \\dot x\\,(-b\\dot x) = -b\\dot x^2",
                  "R\\dot q + \\frac{q}{C} = \\emf e^{-t/RC} + \\emf\\bigl(1 - e^{-t/RC}\\bigr) = \\emf",
                  "Q = \\frac{\\omega_0}{2\\gamma} = \\frac{2}{0.4} = 5"],
        notes="Definitions (2): b_c (first link; encoded as the solution of b/(2m) = sqrt(k/m)) and Q (first link). The roots are "
              "sympy.solve of r^2 + 2 gamma r + omega_0^2 (complex when underdamped); x(t) is differentiated with sympy.diff with "
              "omega = sqrt(omega_0^2 - gamma^2) as bound in the text (gamma in [0.1, 0.6] < omega_0 in [0.8, 2]); the energy "
              "derivative uses x and xdot as state variables with xddot = -(b xdot + k x)/m along a solution; q(t) and I(t) are "
              "differentiated in t. Numbers (decimals as exact rationals): m = 1, k = 4, b = 0.4; R = 10^4, C = 10^-4."),
    "damping_course_page.md": dict(
        family=F["osc"],
        style="Markdown course web page (YAML front matter with layout/title/course/permalink/katex, a navigation line of links, a "
              "bold notation paragraph with the equation of motion inline, ## numbered sections 19.1-19.5, single-line $$...$$ "
              "displays with \\qquad pairs, complex numbers with i, \\Bigl[...\\Bigr], a value at a point written "
              "V(t_{1/2}) instead of an evaluation bar, units in \\mathrm, italic run-in example labels, a check-yourself question, \\approx after chains, \\ln): "
              "the complex root checked, the solution starting at rest and its velocity, the logarithmic decrement, dE/dt = -b "
              "xdot^2, the RC half-life, the heat dissipated in R equal to the stored energy (RC and RL, as integrals), an "
              "overdamped example factored and checked, underdamped and RC numbers",
        notation=["(-\\gamma + i\\omega_d)^2 + 2\\gamma(-\\gamma + i\\omega_d) + \\omega_0^2",
                  "\\delta = \\ln\\frac{x(t)}{x(t + T_d)} = \\ln e^{\\gamma T_d} = \\gamma T_d = \\frac{2\\pi\\gamma}{\\omega_d}",
                  "\\frac{dE}{dt} = \\dot x\\,(m\\ddot x + kx) = -b\\dot x^2",
                  "\\int_0^\\infty \\frac{V(t)^2}{R}\\,dt = \\frac{V_0^2}{R}\\int_0^\\infty e^{-2t/RC}\\,dt",
                  "c_1(1 - 5 + 4)e^{-t} + c_2(16 - 20 + 4)e^{-4t}",
                  "\\tau = 2000\\cdot 5\\times 10^{-5} = 0.1"],
        notes="Definitions (2): x(t) (the claimed solution, checked separately to solve the equation of motion with x(0) = x_0 and "
              "zero initial velocity) and delta (first link). omega_d = sqrt(omega_0^2 - gamma^2) with gamma < omega_0; the velocity is "
              "sympy.diff of x(t); the decrement from the ratio x(t)/x(t + T_d); the energy derivative along solutions (xddot from the "
              "equation of motion); heat integrals by quadrature; t_{1/2} = tau ln 2 as stated. Numbers (decimals as exact rationals): "
              "gamma = 0.5, omega_0 = 2; R = 2000, C = 5e-5; m = 1, b = 5, k = 4."),
    "calculus_applications_problem_set.tex": dict(
        family=F["calc"],
        style="LaTeX problem-set solutions (a header line with \\hfill and \\rule, \\section* per problem, a \\diff macro for d/dt and "
              "d/dx (also with an empty first argument), dots and primes, evaluation bars \\Big|_{x = 3}, \\Big|_{h = 5}, "
              "\\Big|_{(3, 3)}, \\[...\\] with two chains separated by \\qquad (one joined by \\text{so}), align* over two rows, "
              "\\Bigl[...\\Bigr]_0^1, units in \\text, \\approx after chains): a sliding ladder (ydot and the angle's rate) along "
              "x^2 + y^2 = 25; a cone filling (V in h, dV/dt, dh/dt at h = 5); an open box from a 12 x 12 sheet (V, V', V(2) = 128, "
              "V''); implicit differentiation of the folium x^3 + y^3 = 6xy and the slope at (3, 3); integration by parts with the "
              "antiderivative checked by differentiating; a substitution with changed limits; the linearisation of sqrt x at 4",
        notation=["\\diff{}{t}\\bigl(x^2 + y^2\\bigr) = 2x\\dot x + 2y\\dot y = 0",
                  "\\dot\\theta = -\\frac{\\dot x}{5\\sin\\theta} = -\\frac{\\dot x}{y}",
                  "V = \\frac13\\pi r^2h = \\frac13\\pi\\Bigl(\\frac{2h}{5}\\Bigr)^2h = \\frac{4\\pi h^3}{75}",
                  "V'(x) &= (12 - 2x)^2 - 4x(12 - 2x) = (12 - 2x)(12 - 6x).",
                  "y' = \\frac{6y - 3x^2}{3y^2 - 6x} = \\frac{2y - x^2}{y^2 - 2x}",
                  "\\int_0^{\\sqrt{\\pi/2}} 2x\\cos(x^2)\\,dx = \\int_0^{\\pi/2}\\cos u\\,du = \\sin\\frac{\\pi}{2} - \\sin 0 = 1"],
        notes="Definitions (3): the cone's V (first link), the box's V(x), L(x) (first link). Related rates: y = sqrt(25 - x^2) and "
              "theta = arccos(x/5) are differentiated in x and multiplied by xdot (and V in h by hdot), so the derivative of the "
              "constraint vanishes; the folium through the parametrisation x = 6s/(1 + s^3), y = 6s^2/(1 + s^3) (0.1 < s < 0.7, a "
              "branch where dx/ds != 0; the point (3, 3) at s = 1), y' from the parametrisation; integrals by quadrature; the "
              "box's critical point from sympy.solve. Numbers (decimals as exact rationals): x = 3, xdot = 0.5; h = 5, dV/dt = 2; "
              "x = 4.1."),
    "calculus_forum.md": dict(
        family=F["calc"],
        style="Markdown forum thread (bold title, an 'Asked in' line with tags in code spans, a blockquoted question with a numbered "
              "list and inline math only, an accepted answer with bold numbered steps, --- rules, two comments; single-line $$...$$ "
              "displays with \\qquad pairs, an evaluation bar \\Big|_{h = 2} and \\Big|_{(1, 2)}, units in \\text, \\approx after "
              "chains, \\ln natural): a fence along a river (A = xy = x(600 - 2x), A', A(150) = 45000); a draining cone (V = "
              "pi h^3/12, dV/dt, dh/dt and its value at h = 2); the tangent to x^2 + xy + y^2 = 7 at (1, 2) by implicit "
              "differentiation; integral of ln x by parts with the antiderivative checked; a substitution giving (1/2) ln 2; the "
              "linearisation of the cube root at 8",
        notation=["A = xy = x(600 - 2x) = 600x - 2x^2",
                  "A(150) = 150\\,(600 - 300) = 150\\cdot 300 = 45000",
                  "\\frac{dV}{dt} = \\frac{\\pi h^2}{4}\\,\\frac{dh}{dt}, \\qquad \\frac{dh}{dt} = \\frac{4}{\\pi h^2}\\,\\frac{dV}{dt}",
                  "\\frac{d}{dx}\\bigl(x^2 + xy + y^2\\bigr) = 2x + y + xy' + 2yy' = 0",
                  "\\int_1^e \\ln x\\,dx = \\Bigl[x\\ln x\\Bigr]_1^e - \\int_1^e dx = e - (e - 1) = 1",
                  "L(8.1) = f(8) + f'(8)\\cdot 0.1 = 2 + \\frac{0.1}{12}"],
        notes="Definitions (3): A (first link, with y = 600 - 2x from the perimeter), V (first link), L(8.1) (first link). The "
              "implicit curve is checked on its branch y = (-x + sqrt(28 - 3x^2))/2 through (1, 2), with y' = dy/dx of it; the "
              "cone's rates with V differentiated in h times hdot; integrals by quadrature; the fence's critical point from "
              "sympy.solve. Numbers (decimals as exact rationals): dV/dt = -1.5 at h = 2; f(x) = x^{1/3} at 8 with step 0.1."),
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
