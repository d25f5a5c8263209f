#!/usr/bin/env python3
"""Write the planted copies and MANIFEST.json of corpus_ml12.

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
    "thermo": "thermodynamics_partial_derivatives_van_der_waals",
    "bs": "black_scholes_greeks",
    "diff": "diffusion_noise_schedules",
    "init": "weight_initialisation_variance",
    "pop": "population_dynamics_ode_models",
    "con": "contrastive_and_margin_losses",
}

META = {
    "gas_partials_lecture.tex": dict(
        family=F["thermo"],
        style="LaTeX lecture scribe notes (\\maketitle with \\\\[2pt] in the title, a three-argument \\pd macro for "
              "(dX/dY)_Z and an \\Rg macro for the gas constant, numbered equation/align with \\label and \\eqref, align* "
              "chains continued over two rows, \\[...\\] with two chains separated by \\qquad, \\paragraph run-in headings, "
              "an evaluation bar with a binding in the subscript): the ideal gas P(V, T), its four partial derivatives, the "
              "cyclic relation = -1, kappa_T = 1/P and beta = 1/T; the van der Waals P(V, T), first and second derivatives, "
              "the Maxwell relation (dS/dV)_T = (dP/dT)_V on the model entropy and the energy equation, the critical point "
              "V_c = 3b, RT_c = 8a/(27b), P_c = a/(27b^2), Z_c = 3/8, the flat critical isotherm in reduced units, kappa_T and "
              "beta for the van der Waals gas",
        notation=["\\pd{P}{V}{T} &= -\\frac{n\\Rg T}{V^2} = -\\frac{P}{V}",
                  "\\pd{P}{V}{T}\\pd{V}{T}{P}\\pd{T}{P}{V}",
                  "\\frac{\\partial^2 P}{\\partial V^2}\\Big|_{\\Rg T = 2a(V-b)^2/V^3}",
                  "T\\pd{P}{T}{V} - P &= \\frac{\\Rg T}{V-b} - \\frac{\\Rg T}{V-b} + \\frac{a}{V^2} = \\frac{a}{V^2}",
                  "Z_c = \\frac{P_cV_c}{\\Rg T_c} = \\frac{a}{27b^2}\\cdot 3b\\cdot\\frac{27b}{8a} = \\frac{3}{8}",
                  "\\beta = \\kappa_T\\pd{P}{T}{V} = \\frac{\\Rg V^2(V-b)}{\\Rg TV^3 - 2a(V-b)^2}"],
        notes="Definitions (5): the ideal-gas P(V, T), kappa_T and beta (first links, ideal gas), the van der Waals P(V, T), Z_c "
              "(first link). Partial derivatives are sympy.diff of the state function in the stated variables; (dV/dT)_P and "
              "(dT/dP)_V of the ideal gas are taken of V = nRT/P and T = PV/(nR) and then evaluated at P = nRT/V (PV = nRT, as the "
              "text says); beta of the van der Waals gas by implicit differentiation -P_T/P_V. The critical point is the solution "
              "of both conditions (checked); the second-derivative display is evaluated with RT = 2a(V - b)^2/V^3 as its subscript "
              "says; kappa_T and beta of the van der Waals gas are identities (the names were introduced in Section 1). V > b (V "
              "sampled in [0.8, 2], b in [0.05, 0.3]). Numbers: a = 27, b = R = 1, V = 3, T = 8."),
    "van_der_waals_forum.md": dict(
        family=F["thermo"],
        style="Markdown forum thread (bold title, blockquoted question with inline math only and tags in code spans, an accepted "
              "answer with bold numbered steps, --- rules, a TA comment; single-line $$...$$ displays with \\left(\\frac{\\partial "
              "p}{\\partial v}\\right)_T written out, two chains separated by \\qquad, \\Big| evaluation bars, units in \\text, "
              "\\approx after a chain, \\ln): one mole of van der Waals gas in p, v, T: (dp/dT)_v, (dp/dv)_T, (dT/dv)_p from the "
              "solved T with the equation of state used inside, (dT/dp)_v, the cyclic rule through reciprocity, the Helmholtz "
              "energy F(T, v) giving p and s and the Maxwell relation; the critical point from the triple root of the cubic "
              "(coefficient matching), v_c = 3b, p_c, RT_c; the law of corresponding states, p_r(1, 1) = 1 and the flat reduced "
              "isotherm; CO2 numbers; kappa_T and beta on the critical isochore diverging like 1/(T_r - 1)",
        notation=["\\left(\\frac{\\partial T}{\\partial v}\\right)_p = \\frac{1}{R}\\left[p + \\frac{a}{v^2} - \\frac{2a(v-b)}{v^3}\\right]",
                  "F(T, v) = -RT\\ln(v-b) - \\frac{a}{v} - c_vT\\ln\\frac{T}{T_0}",
                  "v_c = \\frac{v_c^3}{v_c^2} = \\frac{ab/p_c}{a/(3p_c)} = 3b",
                  "p_r = \\frac{8T_r}{3v_r - 1} - \\frac{3}{v_r^2}",
                  "\\left(\\frac{\\partial p_r}{\\partial v_r}\\right)_{T_r}\\Big|_{v_r = T_r = 1} = -\\frac{24}{4} + 6 = 0",
                  "\\kappa_T = -\\frac{1}{v_r}\\,\\frac{1}{p_c\\,(\\partial p_r/\\partial v_r)_{T_r}} = \\frac{1}{6p_c(T_r - 1)}"],
        notes="Definitions (2): p (the equation of state solved for p, first display) and F(T, v). The later p = -(dF/dv)_T and "
              "s = -(dF/dT)_v are identities. (dT/dv)_p and (dT/dp)_v are sympy.diff of T(p, v) = (p + a/v^2)(v - b)/R with p "
              "independent, then evaluated at the van der Waals p(T, v) (the text uses the equation of state in the second step). "
              "The cubic and (v - v_c)^3 are polynomial identities; the critical constants are checked to satisfy the three "
              "coefficient conditions. Corresponding states with v = v_c v_r, T = T_c T_r; kappa_T and beta are computed from "
              "the van der Waals gas at v = v_c directly (-1/(v p_v) and -(p_T/p_v)/v) with T_r > 1. Numbers (decimals as exact "
              "rationals): a = 0.364, b = 4.27e-5, R = 8.314."),
    "black_scholes_greeks_exam.tex": dict(
        family=F["bs"],
        style="LaTeX exam model solutions (centered header with \\\\[3pt], \\section* per question with a \\pts macro, "
              "(a)-(d) parts in \\textit, an examiner's note and a 'Common error' remark, macros \\Nd for N' and \\sT for "
              "sigma sqrt(T), numbered equation with \\label/\\eqref, align* chains over two and three rows, \\[...\\] with two "
              "chains separated by \\qquad, \\approx after a chain, \\ln): d_1, d_2, d_1^2 - d_2^2 by a difference of squares, "
              "N'(d_2) = N'(d_1)(S/K)e^{rT} and S N'(d_1) = K e^{-rT} N'(d_2); delta, gamma, dd_1/dsigma = -d_2/sigma, vega, "
              "theta; put-call parity and the put's delta; numbers S = K = 100, r = 0.05, sigma = 0.2, T = 1",
        notation=["d_2 = d_1 - \\sT = \\frac{\\ln(S/K) + (r - \\sigma^2/2)T}{\\sT}",
                  "&= \\Nd(d_1)\\,e^{\\ln(S/K) + rT} = \\Nd(d_1)\\,\\frac{S}{K}\\,e^{rT}",
                  "Ke^{-rT}\\Nd(d_2) = Ke^{-rT}\\Nd(d_1)\\,\\frac{S}{K}\\,e^{rT} = S\\Nd(d_1)",
                  "\\frac{\\partial d_1}{\\partial\\sigma} = \\sqrt{T} - \\frac{d_1}{\\sigma} = -\\frac{d_2}{\\sigma}",
                  "&= -\\frac{S\\sigma\\Nd(d_1)}{2\\sqrt{T}} - rKe^{-rT}N(d_2)",
                  "\\Delta_P = \\frac{\\partial P}{\\partial S} = \\frac{\\partial C}{\\partial S} - 1 = N(d_1) - 1 = -N(-d_1)"],
        notes="Definitions (7): d_1, d_2 (first link), Delta, Gamma, vega, Theta (first links: the Greek named as a derivative) and "
              "Delta_P (first link). N is (1 + erf(x/sqrt 2))/2 and N' its derivative; C = S N(d_1) - K e^{-rT} N(d_2) and the put "
              "are differentiated with sympy.diff in S, sigma and T (theta is -dC/dT, T the time to maturity, as stated); the "
              "partial derivatives of d_1, d_2 inside the expanded chains are sympy.diff too. Numbers (decimals as exact rationals): "
              "S = K = 100, r = 0.05, sigma = 0.2, T = 1; the Q4 d_1 and d_2 displays and vega are identities at these numbers."),
    "option_greeks_blog.md": dict(
        family=F["bs"],
        style="Markdown blog post (YAML front matter with title/date/author/tags/math, italic teaser, ## sections, single-line "
              "$$...$$ displays including a five-link chain and a long PDE check, \\Phi and \\varphi for the normal CDF and "
              "density, d_{\\pm} with \\pm inside the definition, tau = T - t, \\tfrac, \\approx after chains, a Python code "
              "fence with '='): the ratio phi(d_-)/phi(d_+) = (S/K)e^{r tau}, S phi(d_+) = K e^{-r tau} phi(d_-), delta, gamma, "
              "the sigma-derivatives of d_+ and d_-, vega and vega = S^2 sigma tau Gamma, the put's delta and gamma by parity, "
              "theta and the Black-Scholes PDE checked term by term; numbers for an at-the-money call with r = 0",
        notation=["d_{\\pm} = \\frac{\\ln(S/K) + (r \\pm \\tfrac12\\sigma^2)\\tau}{\\sigma\\sqrt{\\tau}}",
                  "e^{\\frac12(d_+ - d_-)(d_+ + d_-)}",
                  "S\\varphi(d_+) = Ke^{-r\\tau}\\varphi(d_-)",
                  "\\nu = S\\varphi(d_+)\\sqrt{\\tau} = S^2\\sigma\\tau\\cdot\\frac{\\varphi(d_+)}{S\\sigma\\sqrt{\\tau}} = S^2\\sigma\\tau\\,\\Gamma",
                  "\\Theta = \\frac{\\partial C}{\\partial t} = -\\frac{\\partial C}{\\partial\\tau}",
                  "C = 50\\,\\Phi(0.1) - 50\\,\\Phi(-0.1) = 50\\bigl(2\\Phi(0.1) - 1\\bigr) \\approx 3.98"],
        notes="Definitions (5): d_{\\pm} (checked for both signs), Delta, Gamma, nu, Theta (first links). Phi = (1 + erf(x/sqrt 2))/2, "
              "phi = Phi'; C is differentiated with sympy.diff in S, sigma and tau, Theta = dC/dt = -dC/dtau as the text says; the "
              "put is P = C - S + K e^{-r tau} (parity, stated). Numbers (decimals as exact rationals): S = K = 50, r = 0, sigma = 0.4, "
              "tau = 0.25; d_+, d_-, C, nu and Gamma at these numbers are identities."),
    "diffusion_schedule_appendix.tex": dict(
        family=F["diff"],
        style="LaTeX paper appendix (\\appendix with \\section and \\subsection, references to Section 3 and Table 2 of the (absent) "
              "paper, an \\ab macro for bar alpha, \\E, \\Var, \\SNR macros, numbered equation/align with \\label/\\eqref and "
              "\\nonumber rows, \\prod, \\approx, two and three chains in one \\[...\\] separated by \\qquad): the forward step, "
              "bar alpha_t as a product, two steps composed and their noise variance 1 - alpha_t alpha_{t-1}, E[x_t | x_0] and "
              "Var by induction, SNR(t) and its ratio, the posterior precision and variance tilde beta_t, the posterior mean "
              "coefficients, the epsilon-parametrised mean through the coefficients of x_t and epsilon; a T = 3 schedule with "
              "alpha = (0.9, 0.8, 0.5)",
        notation=["\\ab{t} = \\prod_{s=1}^{t}\\alpha_s, \\qquad \\ab{0} = 1",
                  "\\Var[x_t \\mid x_0] &= \\alpha_t\\Var[x_{t-1} \\mid x_0] + 1 - \\alpha_t",
                  "\\frac{\\SNR(t)}{\\SNR(t-1)} = \\frac{\\ab{t}(1-\\ab{t-1})}{\\ab{t-1}(1-\\ab{t})}",
                  "\\tilde\\beta_t = \\frac{1-\\ab{t-1}}{1-\\ab{t}}\\,(1-\\alpha_t)",
                  "\\tilde\\mu_t = \\frac{1}{\\sqrt{\\alpha_t}}\\Bigl(x_t - \\frac{1-\\alpha_t}{\\sqrt{1-\\ab{t}}}\\,\\varepsilon\\Bigr)",
                  "\\tilde\\beta_3 = \\frac{1 - 0.72}{1 - 0.36}\\,(1 - 0.5) = \\frac{0.28}{0.64}\\cdot 0.5 = 0.21875"],
        notes="Definitions (4): the forward step x_t, bar alpha_t, bar alpha_0 = 1, SNR(t). The posterior variance and mean are "
              "identities: 1/tilde beta_t is minus the second derivative, and tilde mu_t the maximiser (sympy.solve), of the log "
              "of q(x_t | x_{t-1}) q(x_{t-1} | x_0) in x_{t-1}; the epsilon-coefficients are sympy.diff of tilde mu_t after "
              "substituting x_0 = (x_t - sqrt(1 - bar alpha_t) eps)/sqrt(bar alpha_t). alpha_t and bar alpha_{t-1} are independent "
              "symbols with bar alpha_t = alpha_t bar alpha_{t-1}; the induction displays are checked for t = 1..4 with the mean and "
              "variance obtained by running the recursion; the noise variance as the sum of squared coefficients of independent "
              "standard normals. Numbers (decimals as exact rationals): alpha = (0.9, 0.8, 0.5)."),
    "ddpm_schedule_notebook.md": dict(
        family=F["diff"],
        style="Markdown notebook export (# file name, italic header, ## numbered sections, In [n]/Out[n] NumPy code cells with '=', "
              "single-line $$...$$ displays with \\qquad, \\mathbb{E}, \\operatorname{Var}, \\bigl(...\\bigr), \\approx, epsilon "
              "written \\epsilon and beta_t = 1 - alpha_t): two forward steps composed, the variance of the merged noise 1 - bar "
              "alpha_2, E[x_t | x_0] and Var, bar alpha_3 for the schedule beta = (0.1, 0.2, 0.3), SNR(t) and bar alpha_t = "
              "SNR/(1 + SNR), SNR(2) = 18/7; tilde mu_t and tilde beta_t in the beta form, the unbiasedness check c_0 + c_t "
              "sqrt(bar alpha_t) = sqrt(bar alpha_{t-1}), the coefficients at t = 2; mu_theta in the epsilon form, tilde mu_t - "
              "mu_theta and the per-step KL weight beta_t/(2 alpha_t (1 - bar alpha_{t-1})), a number at t = 3",
        notation=["\\operatorname{Var}\\bigl(\\sqrt{\\alpha_2\\beta_1}\\,z_1 + \\sqrt{\\beta_2}\\,z_2\\bigr)",
                  "\\frac{\\mathrm{SNR}(t)}{1 + \\mathrm{SNR}(t)} = \\frac{\\bar\\alpha_t/(1-\\bar\\alpha_t)}{1/(1-\\bar\\alpha_t)} = \\bar\\alpha_t",
                  "c_0 + c_t\\sqrt{\\bar\\alpha_t}",
                  "c_0 = \\frac{\\sqrt{0.9}\\cdot 0.2}{0.28} = \\frac{5\\sqrt{0.9}}{7}",
                  "\\mu_\\theta(x_t, t) = \\frac{1}{\\sqrt{\\alpha_t}}\\Bigl(x_t - \\frac{\\beta_t}{\\sqrt{1-\\bar\\alpha_t}}\\,\\epsilon_\\theta(x_t, t)\\Bigr)",
                  "\\frac{\\beta_t(\\epsilon - \\epsilon_\\theta)^2}{2\\alpha_t(1-\\bar\\alpha_{t-1})}"],
        notes="Definitions (4): SNR(t), tilde mu_t and tilde beta_t (stated as the result of completing the square; encoded as the "
              "maximiser and inverse curvature of the log-posterior, so they are checked too), mu_theta(x_t, t). c_0 and c_t are "
              "bound in prose as the two coefficients of tilde mu_t. E and Var of x_t are checked for t = 1..4 by running the "
              "recursion; alpha_t and bar alpha_{t-1} independent with bar alpha_t = alpha_t bar alpha_{t-1}, beta_t = 1 - alpha_t; "
              "tilde mu_t - mu_theta with the true epsilon substituted for x_0. Numbers (decimals as exact rationals): beta = (0.1, "
              "0.2, 0.3); at t = 2 alpha_t = 0.8, bar alpha_1 = 0.9; at t = 3 x_3 = 1, predicted noise 0.5."),
    "init_variance_textbook.tex": dict(
        family=F["init"],
        style="LaTeX textbook excerpt (\\setcounter{section}{7}, a lemma with proof ending in \\qedhere inside align*, an example "
              "environment numbered with the lemma, macros \\E, \\Var, \\nin, \\nout, \\relu, numbered equation with \\label and "
              "\\eqref, \\[...\\] with two chains separated by \\qquad, integrals with dw and dz, \\approx): Var(wx) = sigma_w^2 "
              "E[x^2] for independent zero-mean weights, the variance of a sum of n products, the forward and backward variances, "
              "Glorot's 2/(n_in + n_out) as a harmonic compromise, the uniform variance a^2/3 by integration and the bound "
              "sqrt(6/(n_in + n_out)), E[ReLU(z)^2] = sigma^2/2 by symmetry, He's layer recursion and 2/n, (1/2)^10 = 1/1024, "
              "numbers with n = 256 and n_in = 256, n_out = 128",
        notation=["\\Var(wx) &= \\E[w^2x^2] - \\bigl(\\E[wx]\\bigr)^2",
                  "\\Var\\Bigl(\\sum_{i=1}^{n} w_ix_i\\Bigr) = \\sum_{i=1}^{n}\\Var(w_ix_i) = n\\,\\sigma_w^2\\,\\E[x^2]",
                  "\\Var(w) = \\frac{1}{2a}\\int_{-a}^{a} w^2\\,dw = \\frac{1}{2a}\\cdot\\frac{2a^3}{3} = \\frac{a^2}{3}",
                  "\\E\\bigl[\\relu(z)^2\\bigr] = \\int_{0}^{\\infty} z^2p(z)\\,dz",
                  "&= \\frac{n\\sigma_w^2}{2}\\,\\Var\\bigl(z^{(\\ell-1)}\\bigr)",
                  "a = \\sqrt{\\frac{6}{256 + 128}} = \\sqrt{\\frac{1}{64}} = 0.125"],
        notes="Definitions (1): sigma_w^2 = 2/(n_in + n_out) (first link). Expectations of products of independent factors map "
              "powers to moments (E[w] = 0); variances of sums are computed by expanding (sum w_i x_i)^2 over n = 1..4 independent "
              "weights and inputs; the uniform variance and the ReLU second moment are definite integrals of the stated densities "
              "(z ~ N(0, sigma^2), the text's 'for instance'); the He recursion with the previous layer's pre-activations Gaussian. "
              "a is bound to sqrt(3 sigma_w^2) in prose, so 'a = sqrt(3 * 2/(n_in + n_out))' is an identity; sigma_w^2 = 1/n in the "
              "ten-layer display, as stated. Numbers: n = 256; n_in = 256, n_out = 128."),
    "init_study_group.md": dict(
        family=F["init"],
        style="Markdown study-group notes (# title with week, italic attendance line, ## numbered sections, a setup bullet list, "
              "names of speakers in prose, single-line $$...$$ displays, \\mathrm{Var}[\\cdot] with square brackets, \\mathbb{E}, "
              "an evaluation bar \\Big|_{m = n}, inline code spans, a PyTorch code fence with '=', a bold TODO): Var[y_j] = n Var[W] "
              "E[h^2], the product rule for independent factors, He's 2/n, the backward pass with ReLU'(z)^2 and m/2, Glorot's "
              "2/(n + m) for square layers, the uniform variance (2a)^2/12, PyTorch's default kaiming_uniform_ bound 1/sqrt(n), "
              "its variance 1/(3n) and gain 1/6, the mean and variance of a ReLU output, numbers for 256 x 256 layers",
        notation=["\\mathrm{Var}[y_j] = \\sum_{i=1}^{n}\\mathrm{Var}[W_{ji}h_i] = n\\,\\mathrm{Var}[W]\\,\\mathbb{E}[h^2]",
                  "\\mathbb{E}\\bigl[\\mathrm{ReLU}'(z_i)^2\\bigr]\\,m\\,\\mathrm{Var}[W]\\,\\mathrm{Var}[\\delta]",
                  "\\frac{2}{n + m}\\Big|_{m = n} = \\frac{2}{2n} = \\frac{1}{n}",
                  "\\sqrt{\\frac{6}{(1 + 5)\\,n}} = \\sqrt{\\frac{1}{n}} = \\frac{1}{\\sqrt{n}}",
                  "\\mathbb{E}[h] = \\int_0^{\\infty} z\\,\\frac{1}{s\\sqrt{2\\pi}}e^{-z^2/(2s^2)}\\,dz = \\frac{s}{\\sqrt{2\\pi}}",
                  "\\sqrt{\\frac{2}{256}} = \\frac{1}{\\sqrt{128}} = \\frac{1}{8\\sqrt{2}}"],
        notes="Definitions (0). Var[y_j] over n = 1..4 terms by expanding with independent weights (E[W] = 0) and inputs h of "
              "arbitrary mean and second moment; the product rule with moments (E[W] = 0 imposed); the backward variance over m = "
              "1..4 with an independent Bernoulli mask ReLU'(z_i) whose moments are P(z > 0) (an integral of the Gaussian density) "
              "and zero-mean deltas; ReLU moments are integrals of the N(0, s^2) density; uniform variances by integration. The "
              "He display multiplies n, Var[W] = 2/n and E[h^2] = s^2/2. Numbers: n = m = 256, inputs with E[x^2] = 1."),
    "population_models_problem_set.tex": dict(
        family=F["pop"],
        style="LaTeX problem-set solutions (a header line with \\hfill and \\rule, \\section* per problem, bold (a)-(d) parts, a "
              "\\ddt macro used with an empty argument as well, pmatrix Jacobians, \\operatorname{tr}, \\det, align* chain over two "
              "rows, \\[...\\] with two chains separated by \\qquad, \\approx and '< 0' after chains, \\ln): Lotka-Volterra "
              "equilibrium check, the Jacobian and its value at the coexistence point, det = alpha gamma and lambda^2 = "
              "-alpha gamma, the conserved V and dV/dt = 0 along solutions; SIR: conservation of S + I + R, dI/dt factored with "
              "R_0, R_0 = 3 and the herd-immunity threshold; logistic growth: the closed-form solution checked by "
              "differentiation, the second derivative along solutions, the inflection time, f'(K) = -r, numbers",
        notation=["J^* = \\begin{pmatrix} 0 & -\\beta\\gamma/\\delta \\\\ \\delta\\alpha/\\beta & 0 \\end{pmatrix}",
                  "\\det J^* = 0\\cdot 0 - \\Bigl(-\\frac{\\beta\\gamma}{\\delta}\\Bigr)\\frac{\\delta\\alpha}{\\beta} = \\alpha\\gamma",
                  "&= (\\delta x - \\gamma)(\\alpha - \\beta y) + (\\beta y - \\alpha)(\\delta x - \\gamma) = 0",
                  "\\ddt{}(S + I + R)",
                  "\\frac{d^2P}{dt^2} = f'(P)\\,\\ddt{P}",
                  "t^* = \\frac{\\ln 9}{0.5} = 2\\ln 9 = 4\\ln 3 \\approx 4.39"],
        notes="Definitions (4): J(x, y), V(x, y), P(t) and A (the claimed solution and its constant). The equilibrium, J^* and its "
              "determinant use the stated equilibrium; lambda^2 is the square of an eigenvalue of J^* (sympy.eigenvals); dV/dt "
              "and the SIR derivatives use the right-hand sides of the equations (along solutions); the logistic derivatives are "
              "sympy.diff of the closed form in t, and the right-hand side rP(1 - P/K) and f'(P) dP/dt are evaluated on it. "
              "Numbers (decimals as exact rationals): beta = 0.3, gamma = 0.1; K = 1000, P_0 = 100, r = 0.5."),
    "population_dynamics_course_page.md": dict(
        family=F["pop"],
        style="Markdown course web page (YAML front matter with layout/title/course/permalink/katex, navigation links, a bold "
              "notation paragraph, ## numbered sections 6.1-6.5, single-line $$...$$ displays with \\qquad, evaluation bars "
              "\\Big|_* and \\Big|_{h = rK/4}, \\pm and \\mp inside displays, \\approx, an italic check-yourself question, \\ln): "
              "the logistic equation through u = 1/N, the solution u(t) checked, the time to K/2 with numbers; N'' = f'(N) f(N) "
              "along solutions; predator-prey Jacobian entries at the equilibrium and lambda^2 = -ad; constant harvesting g(N), "
              "the equilibria N_+- and the slopes g'(N_+-) = -+ r sqrt(1 - 4h/(rK)), the maximum sustainable yield; the SIR "
              "conserved quantity, i_max = 1 - (1 + ln R_0)/R_0 and a number",
        notation=["\\frac{du}{dt} = -\\frac{\\dot N}{N^2} = -\\frac{r}{N} + \\frac{r}{K} = r\\Bigl(\\frac{1}{K} - u\\Bigr)",
                  "\\frac{\\partial\\dot N}{\\partial N}\\Big|_* = a - bP^* = a - a = 0",
                  "N_\\pm = \\frac{K}{2}\\Bigl(1 \\pm \\sqrt{1 - \\frac{4h}{rK}}\\Bigr)",
                  "\\mp r\\sqrt{1 - \\frac{4h}{rK}}",
                  "1 - \\frac{4h}{rK}\\Big|_{h = rK/4} = 1 - 1 = 0",
                  "i_{\\max} = 1 - \\frac{1}{R_0} + \\frac{1}{R_0}\\ln\\frac{1}{R_0} = 1 - \\frac{1 + \\ln R_0}{R_0}"],
        notes="Definitions (3): u(t), g(N), N_+- (both signs). du/dt in 6.1 uses dN/dt = rN(1 - N/K) (along solutions); the u(t) "
              "check is sympy.diff of the closed form; t_{1/2} is solved from N(t) = K/2 at K = 500, N_0 = 50, r = 0.2; N'' is "
              "sympy.diff of the closed-form N(t). The Jacobian entries are sympy.diff at the stated equilibrium; lambda^2 from "
              "sympy.eigenvals. Harvesting with 0 < h < rK/4 (h sampled as a fraction of rK/4); both N_+- are checked to be roots "
              "of g; g'(N_+-) for both signs. SIR in fractions with R_0 = beta/gamma; i_max solved from the conserved quantity "
              "with s(0) = 1, i(0) = 0 at s = 1/R_0 (R_0 > 1). Number: R_0 = 2.5."),
    "contrastive_losses_slides.tex": dict(
        family=F["con"],
        style="LaTeX slides in the base slides class (landscape, one slide environment per slide, a \\slidehead macro and a \\Z "
              "macro for the partition sum, \\[...\\] and align* displays, an inline \\displaystyle formula, \\big| evaluation "
              "with a temperature, pmatrix vectors, \\approx after chains, \\log natural): the temperature softmax over three "
              "scores written out, InfoNCE L = -log p_1, dL/ds_1 = (p_1 - 1)/tau and dL/ds_2 = p_2/tau, the gradient summing to "
              "zero, dL/dtau = (s_1 - bar s)/tau^2; the hinge at w = 0.5 and its subgradient; the triplet loss expanded and its "
              "anchor gradient 2(n - p); a worked example with s = (2, 1, 0) at tau = 1 and 0.5 and a 2-d triplet",
        notation=["p_i = \\frac{e^{s_i/\\tau}}{\\Z}",
                  "L = -\\log p_1 = -\\frac{s_1}{\\tau} + \\log\\Z",
                  "\\frac{\\partial L}{\\partial\\tau} = \\frac{s_1}{\\tau^2} - \\frac{1}{\\tau^2}\\sum_{j=1}^{3}p_js_j = \\frac{s_1 - \\bar s}{\\tau^2}",
                  "\\|a - p\\|^2 - \\|a - n\\|^2 = 2a^\\top(n - p) + \\|p\\|^2 - \\|n\\|^2",
                  "p_1\\big|_{\\tau = 0.5} = \\frac{e^{4}}{e^{4} + e^{2} + 1} \\approx 0.867",
                  "\\nabla_a L = 2\\begin{pmatrix} 0 - 1 \\\\ 1 - 0 \\end{pmatrix} = \\begin{pmatrix} -2 \\\\ 2 \\end{pmatrix}"],
        notes="Definitions (2): p_i (for i = 1, 2, 3) and L (first link). All gradients are sympy.diff of L written from the three "
              "scores and tau; bar s = sum_j p_j s_j is bound inline. The hinge display is at y = 1, w = 0.5, x = 1.2 (active side, "
              "checked); the triplet gradients are on the active side (checked at the numbers), with 2-d vectors compared entry "
              "by entry. Numbers: s = (2, 1, 0), tau = 1 and 0.5; a = (0, 0), p = (1, 0), n = (0, 1), alpha = 0.2."),
    "contrastive_cheatsheet.md": dict(
        family=F["con"],
        style="Markdown cheat sheet (one-line notation header, --- rules, bold run-in headings S1, S2, H, T, tau, a table of "
              "partial derivatives in inline math, displays inside bulleted list items and at the end of a sentence, a "
              "numbered pitfalls list, candidates indexed +, 1, 2, logits z_k = s_k/tau, a PyTorch code fence with '=', \\log "
              "natural): the softmax q_k over three candidates, its sum and shift invariance, InfoNCE, dl/dz_k = q_k - y_k and "
              "dl/ds_k = (q_k - y_k)/tau; the hinge value; triplet gradients in a, p, n and their cancellation; a worked example "
              "with s = (0.8, 0.5, -0.1) and tau = 0.1 and a 1-d triplet; the temperature gradient in three forms and with the "
              "weighted mean similarity",
        notation=["q_k = \\frac{e^{z_k}}{e^{z_+} + e^{z_1} + e^{z_2}}",
                  "\\frac{\\partial\\ell}{\\partial s_k} = \\frac{1}{\\tau}\\,\\frac{\\partial\\ell}{\\partial z_k} = \\frac{q_k - y_k}{\\tau}",
                  "h(0.3) = \\max(0,\\ 1 - 0.3) = 0.7",
                  "\\nabla_p L = -2(a - p) = 2(p - a), \\qquad \\nabla_n L = 2(a - n)",
                  "-10\\,(1 - q_+)",
                  "-\\frac{1}{\\tau^2}\\Bigl(\\sum_k q_k s_k - s_+\\Bigr) = \\frac{s_+ - \\bar s}{\\tau^2}"],
        notes="Definitions (2): q_k (for the three candidates) and ell (first link). ell is written in the logits z and in the "
              "similarities s with z = s/tau; dl/dz_k is sympy.diff in z with z independent, dl/ds_k and dl/dtau sympy.diff in s "
              "and tau; the one-hot target y = (1, 0, 0). Triplet gradients on the active side (checked at the numbers), 2-d "
              "vectors entry by entry. Numbers (decimals as exact rationals): s = (0.8, 0.5, -0.1), tau = 0.1; a = 0, p = 0.5, "
              "n = 0.4, alpha = 0.2."),
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
