#!/usr/bin/env python3
"""Write the planted copies and MANIFEST.json of corpus_ml11.

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
    "lag": "lagrangian_mechanics_euler_lagrange",
    "econ": "cobb_douglas_production_and_utility",
    "opt": "momentum_adam_and_gradient_descent",
    "gated": "gated_recurrent_units_scalar_lstm_gru",
    "gp": "rbf_kernel_and_gaussian_process_marginal_likelihood",
    "info": "binary_entropy_kl_and_generating_functions",
}

META = {
    "lagrangian_systems_lecture.tex": dict(
        family=F["lag"],
        style="LaTeX lecture scribe notes (\\maketitle with \\\\[2pt] in the title, a \\dd macro for the upright d, numbered "
              "equation/align with \\label and \\nonumber, \\[...\\] displays with \\ \\text{s} units, \\paragraph run-in "
              "headings, dot notation \\dot\\theta, \\ddot\\theta, \\dot x): the pendulum L(theta, thetadot), its three "
              "Euler-Lagrange pieces, the energy and dE/dt = 0 along solutions, the small-angle period with numbers; a mass on "
              "a spring, the solution A cos(omega t) + B sin(omega t) checked by differentiation, its energy reduced to "
              "k(A^2 + B^2)/2 and a number; a bead on a rotating hoop: partials, the off-axis equilibrium cos(theta_0) = "
              "g/(R Omega^2), the slope of the right-hand side there with a bracket evaluated at theta = theta_0, numbers, "
              "the energy function h = thetadot dL/dthetadot - L and dh/dt = 0 along solutions",
        notation=["L(\\theta, \\dot\\theta) = \\frac12 m\\ell^2\\dot\\theta^2 + mg\\ell\\cos\\theta",
                  "\\frac{\\dd}{\\dd t}\\frac{\\partial L}{\\partial \\dot\\theta} &= m\\ell^2\\ddot\\theta",
                  "m\\ell^2\\dot\\theta\\Bigl(\\ddot\\theta + \\frac{g}{\\ell}\\sin\\theta\\Bigr)",
                  "\\ddot x(t) &= -\\omega^2\\bigl(A\\cos\\omega t + B\\sin\\omega t\\bigr) = -\\frac{k}{m}\\,x(t)",
                  "\\Bigl[\\frac{\\sin\\theta\\,(R\\Omega^2\\cos\\theta - g)}{R}\\Bigr]_{\\theta=\\theta_0}",
                  "h = \\dot\\theta\\frac{\\partial L}{\\partial \\dot\\theta} - L"],
        notes="Definitions (7): the pendulum L(theta, thetadot), its energy E, the spring's L, x(t), the spring's E (first link), "
              "the hoop's L, h (first link). The Euler-Lagrange equations are stated inline only. theta, thetadot and thetaddot "
              "are independent symbols and d/dt is the chain rule; the links '= 0' of dE/dt and dh/dt hold only along a solution "
              "and are checked with thetaddot from the equation of motion (-(g/l) sin theta, and sin theta (R Omega^2 cos theta - g)/R), "
              "the other links of those chains also with thetaddot free. x(t) and omega = sqrt(k/m) are bound as the text says; "
              "theta_0 = arccos(g/(R Omega^2)) with R Omega^2 > g (sampled so). Numbers: l = 2.45, g = 9.8; k = 8, A = 0.3, B = 0.4; "
              "R = 0.2, Omega = 10, g = 10."),
    "central_force_lagrangian_forum.md": dict(
        family=F["lag"],
        style="Markdown forum thread (bold thread title, a blockquoted question with inline math only and tags in code spans, "
              "an accepted answer with bold numbered steps, --- rules, a follow-up comment; single-line $$...$$ displays, a "
              "chain continued across two $$ blocks, three chains in one display separated by \\qquad): a particle in the "
              "central potential -alpha/r with \\mathcal{L}(r, varphi, rdot, varphidot), the cyclic angle and dp_varphi/dt = 0 "
              "along solutions, the radial equation with p_varphi substituted, the effective potential and its slope, the "
              "circular orbit r_0 = p^2/(m alpha) and U_eff(r_0), dE/dt = 0 by grouping the two equations of motion, E in terms "
              "of U_eff, U_eff'' at r_0 and omega_r = varphidot_0 (closed orbits), numbers; the comment: the planar spring "
              "U = kappa r^2/2 with U_eff''(r_0) = 4 kappa and varphidot_0^2 = kappa/m",
        notation=["\\mathcal{L}(r, \\varphi, \\dot r, \\dot\\varphi) = \\frac{m}{2}\\left(\\dot r^2 + r^2\\dot\\varphi^2\\right) + \\frac{\\alpha}{r}",
                  "\\frac{dp_\\varphi}{dt} = \\frac{d}{dt}\\left(mr^2\\dot\\varphi\\right) = 2mr\\dot r\\dot\\varphi + mr^2\\ddot\\varphi = 0",
                  "m\\ddot r = mr\\dot\\varphi^2 - \\frac{\\alpha}{r^2} = \\frac{p_\\varphi^2}{mr^3} - \\frac{\\alpha}{r^2}",
                  "U_{\\text{eff}}(r) = \\frac{p_\\varphi^2}{2mr^2} - \\frac{\\alpha}{r}",
                  "\\omega_r^2 = \\frac{m^2\\alpha^4}{p_\\varphi^6} = \\left(\\frac{p_\\varphi}{mr_0^2}\\right)^2 = \\dot\\varphi_0^2",
                  "\\frac{3p_\\varphi^2}{m}\\cdot\\frac{m\\kappa}{p_\\varphi^2} + \\kappa = 4\\kappa"],
        notes="Definitions (2): \\mathcal{L} and U_eff(r). p_varphi = m r^2 varphidot, r_0 = p_varphi^2/(m alpha) (and r_0^4 = "
              "p_varphi^2/(m kappa) in the comment), omega_r^2 = U_eff''(r_0)/m, p_varphi = m r_0^2 varphidot_0 and E are bound "
              "inline, so their displays are identities. r, varphi and their dots are independent symbols, d/dt the chain rule; "
              "'= 0' in dp_varphi/dt and dE/dt and the first link of the radial equation hold only along a solution and are "
              "checked with rddot = r varphidot^2 - alpha/(m r^2) and varphiddot = -2 rdot varphidot/r; in U_eff p_varphi is a "
              "constant symbol, in the radial equation and in E the expression m r^2 varphidot. Numbers: m = 1, alpha = 2, "
              "p_varphi = 1."),
    "cobb_douglas_exam_solutions.tex": dict(
        family=F["econ"],
        style="LaTeX exam model solutions (centered header with \\\\[3pt], \\section* per question with marks via a \\score macro, "
              "(a)-(e) run-in parts in \\textit, 'Common error' and marking notes, align* and \\[...\\] displays, one numbered "
              "align with \\label and \\eqref, evaluation bars \\Big|_{t=1}, \\ln): Y = AK^alpha L^beta, marginal products, the "
              "output elasticity d ln Y/d ln K, the MRTS, homogeneity of degree alpha + beta and Euler's theorem by "
              "differentiating F(tK, tL) at t = 1, numbers with K = L = 16; profit maximisation with decreasing returns, cost "
              "shares at the optimum, maximal profit (1 - alpha - beta) pY*, a worked optimum; the constant-returns cost "
              "function from the conditional demands in four align rows, Shephard's lemma, a worked cost of 40",
        notation=["MP_K &= \\frac{\\partial Y}{\\partial K} = \\alpha AK^{\\alpha-1}L^{\\beta} = \\frac{\\alpha Y}{K}",
                  "\\varepsilon_K = \\frac{\\partial\\ln Y}{\\partial\\ln K}",
                  "= \\frac{d}{dt}F(tK, tL)\\Big|_{t=1}",
                  "\\pi^* = pY^* - rK^* - wL^* = pY^* - \\alpha pY^* - \\beta pY^* = (1 - \\alpha - \\beta)\\,pY^*",
                  "\\frac{Y}{A}\\,w^{1-\\alpha}r^{\\alpha}\\alpha^{-\\alpha}(1-\\alpha)^{\\alpha-1}\\bigl[(1-\\alpha) + \\alpha\\bigr]",
                  "C = 10\\Bigl(\\frac{1}{1/2}\\Bigr)^{1/2}\\Bigl(\\frac{4}{1/2}\\Bigr)^{1/2}"],
        notes="Definitions (8): MP_K, MP_L, epsilon_K, MRTS, pi(K, L), L*, K* (the conditional demands, first named there) and "
              "C(w, r, Y). Y = F(K, L) = AK^alpha L^beta throughout Question 1; the elasticity is encoded as d/du ln F(e^u, L) at "
              "u = ln K. In Question 2, alpha + beta < 1 (sampled in [0.1, 0.45] each) and the optimum (K*, L*) is the closed-form "
              "solution of the first-order conditions (checked to satisfy them), so the share and profit displays hold 'at the "
              "optimum'. In Question 3 the conditional demands are computed from the tangency ratio K/L = alpha w/((1 - alpha) r) "
              "and the output constraint (checked), 0 < alpha < 1. Numbers: A = 4, alpha = 1/2, beta = 1/4, K = L = 16; A = 1, "
              "alpha = beta = 1/4, p = 8, r = w = 1, K* = L* = 4; A = 1, alpha = 1/2, w = 4, r = 1, Y = 10."),
    "cobb_douglas_utility_blog.md": dict(
        family=F["econ"],
        style="Markdown blog post (YAML front matter with title/date/author/tags/math, ## sections, single-line $$...$$ "
              "displays, two chains in one display separated by \\qquad, three one-link chains in one display, \\Bigl(...\\Bigr), "
              "a Python code fence with '=', an italic teaser, \\ln): u = x^a y^(1-a), u_x and u_y, the MRS, ln u and the MRS "
              "from it, Euler's theorem for degree one, the budget at the tangency, the Marshallian demands, budget exhaustion "
              "and the expenditure share, the three demand elasticities, indirect utility V, its derivatives, Roy's identity, "
              "numbers with a = 0.25, m = 100, p_x = 5, p_y = 2 and the MRS equal to the price ratio",
        notation=["u_x = \\frac{\\partial u}{\\partial x} = a\\,x^{a-1}y^{1-a} = \\frac{a\\,u}{x}",
                  "\\frac{\\partial\\ln u/\\partial x}{\\partial\\ln u/\\partial y} = \\frac{a/x}{(1-a)/y} = \\mathrm{MRS}_{xy}",
                  "p_x x\\Bigl(1 + \\frac{1-a}{a}\\Bigr) = \\frac{p_x x}{a}",
                  "\\frac{\\partial\\ln x^*}{\\partial\\ln p_y} = 0",
                  "-\\frac{\\partial V/\\partial p_x}{\\partial V/\\partial m} = \\frac{a\\,V/p_x}{V/m} = \\frac{a\\,m}{p_x} = x^*",
                  "\\frac{0.25}{0.75}\\cdot\\frac{37.5}{5} = \\frac13\\cdot 7.5 = 2.5 = \\frac{p_x}{p_y}"],
        notes="Definitions (7): u(x, y), u_x, u_y, MRS_xy, x*, y* (the demands, first named there) and V(p_x, p_y, m). x* and y* "
              "are computed independently by solving the tangency condition and the budget with sympy.solve; the budget "
              "display substitutes y = (1 - a) p_x x/(a p_y) as the text says; elasticities as d/dv ln x*(e^v) at v = ln of the "
              "variable; 0 < a < 1, prices, income and quantities positive. Numbers (decimals as exact rationals): a = 0.25, "
              "m = 100, p_x = 5, p_y = 2."),
    "momentum_adam_gd_slides.tex": dict(
        family=F["opt"],
        style="LaTeX slides in the base slides class (landscape, one slide environment per slide with a \\slidehead macro and an "
              "\\alert macro, \\[...\\] and align* displays, itemize with inline math, \\text{\\alert{...}} inside a display, "
              "\\operatorname{sign}): the exponential moving average v_t = beta v_{t-1} + (1 - beta) g_t unrolled for three "
              "steps and as a sum over k, the constant-gradient closed form (1 - beta^t) g, the weights' sum 1 - beta^t and the "
              "bias correction, Adam's first step with hat m_1 = g_1, hat v_1 = g_1^2 and hat m_1/sqrt(hat v_1) = sign(g_1), the "
              "factor 1000, the infinite weights and the mean age beta/(1 - beta) by differentiating a geometric series; gradient "
              "descent on (a/2)(theta - theta*)^2, the error factor (1 - eta a)^t and the loss factor (1 - eta a)^{2t}, three step "
              "sizes for a = 4, two curvatures and (kappa - 1)/(kappa + 1)",
        notation=["v_t = (1-\\beta)\\sum_{k=0}^{t-1}\\beta^{k}g_{t-k}",
                  "\\sum_{k=0}^{t-1}(1-\\beta)\\beta^{k} = 1 - \\beta^{t}",
                  "\\frac{\\hat m_1}{\\sqrt{\\hat v_1}} = \\frac{g_1}{|g_1|} = \\operatorname{sign}(g_1)",
                  "(1-\\beta)\\,\\beta\\frac{d}{d\\beta}\\sum_{k=0}^{\\infty}\\beta^{k}",
                  "f(\\theta_t) = \\frac{a}{2}e_t^2",
                  "1 - \\eta a_1 = 1 - \\frac{2a_1}{a_1 + a_2} = \\frac{a_2 - a_1}{a_2 + a_1} = \\frac{\\kappa - 1}{\\kappa + 1}"],
        notes="Definitions (4): the recursion v_t, hat v_t (first link), f(theta), the update theta_{t+1}. The Adam recursions and "
              "the step rule are stated inline, so hat m_1 and hat v_1 are identities; e_t = theta_t - theta* is bound inline. "
              "Statements with a symbolic number of steps t are checked for t = 1..4 with v_t, e_t and theta_t computed by running "
              "the stated recursions; the weights' sum with symbolic t (sampled 1..8); infinite sums term by term; epsilon = 0 "
              "and g_1 != 0 in the sign display; the optimal eta = 2/(a_1 + a_2) with a_1 <= a_2 as the text binds it. Numbers: "
              "beta_2 = 0.999; a = 4, eta = 0.1."),
    "momentum_adam_notebook.md": dict(
        family=F["opt"],
        style="Markdown notebook export (italic header, ## numbered sections, In [n]/Out[n] Python code cells with '=', "
              "single-line $$...$$ displays, one long four-link display, \\mathbb{E}, \\bigl(...\\bigr)): PyTorch-style heavy-ball "
              "momentum b_t = mu b_{t-1} + g_t unrolled for three steps and as two sums (by index and by age), the "
              "constant-gradient closed form; momentum on a quadratic, the three-term error recursion, the characteristic "
              "polynomial with a double root at sqrt(mu) when eta a = (1 - sqrt(mu))^2, numbers for mu = 0.81; Adam's second "
              "moment unrolled and its expectation (1 - beta_2^t) sigma^2 under stationarity; two Adam steps by hand with "
              "g = 0.5, -0.5: m_1, m_2, hat m_2 = -1/38, v_2, hat v_2 = 0.25 and the step ratio -1/19",
        notation=["b_t = \\sum_{i=1}^{t}\\mu^{t-i}g_i = \\sum_{k=0}^{t-1}\\mu^{k}g_{t-k}",
                  "e_t - \\mu(e_{t-1} - e_t) - \\eta a e_t",
                  "\\lambda^2 - 2\\sqrt{\\mu}\\,\\lambda + \\mu = (\\lambda - \\sqrt{\\mu})^2",
                  "(1-\\beta_2)\\,\\sigma^2\\sum_{i=1}^{t}\\beta_2^{t-i}",
                  "m_2 = \\beta_1 m_1 + (1-\\beta_1)g_2 = 0.9\\cdot 0.05 + 0.1\\cdot(-0.5) = -0.005",
                  "\\frac{\\hat m_2}{\\sqrt{\\hat v_2}} = \\frac{-1/38}{0.5} = -\\frac{1}{19}"],
        notes="Definitions (1): the buffer recursion b_t. Statements with a symbolic t are checked for t = 1..5 with b_t and v_t "
              "computed by running the recursions; the error recursion with e_t = e_{t-1} - eta b_{t-1} (the previous step, as "
              "the text says); the characteristic polynomial with eta a = (1 - sqrt(mu))^2 as bound; E[v_t] with E[g_i^2] = "
              "sigma^2 for every i (stated). Numbers (decimals as exact rationals): mu = 0.81; beta_1 = 0.9, beta_2 = 0.999, "
              "g_1 = 0.5, g_2 = -0.5."),
    "lstm_gradients_appendix.tex": dict(
        family=F["gated"],
        style="LaTeX paper appendix (\\appendix with \\section and \\subsection, \\label/\\eqref, references to Section 3 and "
              "Table 4 of the (absent) paper, a lemma with proof, align with \\nonumber rows and two definition columns, "
              "\\operatorname{sech} via a \\sech macro, \\approx after a chain): the scalar LSTM's four pre-activations and "
              "gates, the cell and hidden updates; sigma' = sigma(1 - sigma) and tanh' = 1 - tanh^2 in one lemma, 2 sigma(2a) - "
              "1 = tanh a; the cell path dc_t/dc_{t-1} = f_t and dh_t/dc_{t-1} = o_t(1 - tanh^2 c_t) f_t, the three-step product "
              "f_3 f_2 f_1; gate partials, dh_t/dw_f and dh_t/db_g; the recurrent Jacobian dh_t/dh_{t-1} with four routes over "
              "two align rows; a numerical check at zero pre-activations with c_{t-1} = 2",
        notation=["a^f_t &= w_f x_t + u_f h_{t-1} + b_f, & f_t &= \\sigma(a^f_t)",
                  "\\frac{1}{1 + e^{-a}}\\cdot\\frac{e^{-a}}{1 + e^{-a}}",
                  "\\frac{\\partial h_t}{\\partial c_t}\\,\\frac{\\partial c_t}{\\partial c_{t-1}}",
                  "\\frac{\\partial h_t}{\\partial f_t}\\,\\sigma'(a^f_t)\\,x_t",
                  "+ g_t\\,i_t(1 - i_t)u_i + i_t(1 - g_t^2)u_g\\bigr]",
                  "f_t = i_t = o_t = \\sigma(0) = \\frac12"],
        notes="Definitions (10): the four pre-activations a^f_t, a^i_t, a^o_t, a^g_t, the four gates, c_t and h_t. Every "
              "derivative is sympy.diff of the composed cell (gates as functions of x_t and h_{t-1}), holding x_t and h_{t-1} "
              "fixed for the cell path as the text says; the gate partials treat the gate values as variables; the three-step "
              "product with the gates and the input terms as constants. Numbers: x_t = 0, h_{t-1} = 0, zero biases, u = 1, "
              "c_{t-1} = 2 (the w's are free and multiply x_t = 0)."),
    "gru_lstm_study_group.md": dict(
        family=F["gated"],
        style="Markdown study-group notes (italic attendance line, ## numbered sections, displays inside bulleted list items, "
              "single-line $$...$$ displays with three chains separated by \\qquad, a Q/A exchange, a TODO, \\prod, "
              "\\operatorname{sech}, a PyTorch code fence with '=', \\ln): sigma' and tanh' = 1 - tanh^2 = sech^2; the GRU of "
              "Cho et al. (update gate z_t, reset gate r_t, candidate tilde h_t, h_t as an interpolation) with PyTorch's "
              "swapped convention in prose; partials in z_t, tilde h_t and r_t, the chain rule for r_t, dh_t/dw_z and dh_t/db_h, "
              "the full recurrent derivative; the LSTM cell path for comparison and sigma(3)^10; a worked example with u_h = 2, "
              "h_{t-1} = ln 2, tanh(ln 2) = 3/5 and dh_t/dh_{t-1} = 41/50",
        notation=["\\tanh'(a) = 1 - \\tanh^2(a) = \\operatorname{sech}^2(a)",
                  "\\tilde h_t = \\tanh\\bigl(w_h x_t + u_h\\,r_t h_{t-1} + b_h\\bigr)",
                  "h_t = h_{t-1} + z_t\\bigl(\\tilde h_t - h_{t-1}\\bigr)",
                  "\\frac{\\partial h_t}{\\partial\\tilde h_t}\\,\\frac{\\partial\\tilde h_t}{\\partial r_t}",
                  "\\prod_{t=1}^{10} f_t = \\sigma(3)^{10} = \\bigl(1 + e^{-3}\\bigr)^{-10}",
                  "\\tanh(\\ln 2) = \\frac{2 - 1/2}{2 + 1/2} = \\frac35"],
        notes="Definitions (4): z_t, r_t, tilde h_t, h_t. Derivatives by sympy.diff of the composed GRU (gates as functions of "
              "x_t and h_{t-1}); the partials in z_t, tilde h_t, r_t treat those as variables, as the text says; the LSTM "
              "partials treat the gate values as variables with h_{t-1}, x_t fixed; the product with f_t = sigma(3) for ten "
              "steps. Numbers: all w and b zero, u_z = u_r = 0, u_h = 2, h_{t-1} = ln 2."),
    "gp_marginal_likelihood_textbook.tex": dict(
        family=F["gp"],
        style="LaTeX textbook excerpt (report class, \\setcounter{chapter} and \\setcounter{section}, example and remark "
              "environments numbered within the chapter, a \\y macro for the bold target vector, numbered equation/align with "
              "\\label/\\eqref, pmatrix, \\det, \\operatorname{tr}, \\top, \\approx, \\log): the RBF kernel, its derivatives in "
              "ell, s and log ell with r = x - x', in x, x' and the mixed derivative; the one-point log marginal likelihood and "
              "its derivative in s; the two-point covariance with a = s^2 + sigma_n^2 and b = s^2 e^{-r^2/(2 ell^2)}, its "
              "determinant and inverse written out, the quadratic form with S = y_1^2 + y_2^2 and P = y_1 y_2, the log marginal "
              "likelihood, the b-derivatives of its two terms, the length-scale gradient in a bracket form and as the trace "
              "formula; an example with y = (1, -1), a = 1, b = e^{-1/2}",
        notation=["\\frac{\\partial k}{\\partial\\log\\ell} = \\ell\\,\\frac{\\partial k}{\\partial\\ell} = \\frac{r^2}{\\ell^2}\\,k(x, x')",
                  "\\frac{\\partial^2 k}{\\partial x\\,\\partial x'} = \\Bigl(\\frac{1}{\\ell^2} - \\frac{r^2}{\\ell^4}\\Bigr)k(x, x')",
                  "K^{-1} = \\frac{1}{a^2 - b^2}\\begin{pmatrix} a & -b \\\\ -b & a \\end{pmatrix}",
                  "\\frac{-2P(a^2 - b^2) + 2b(aS - 2bP)}{(a^2 - b^2)^2}",
                  "\\frac12\\operatorname{tr}\\Bigl(\\bigl(K^{-1}\\y\\y^\\top K^{-1} - K^{-1}\\bigr)\\frac{\\partial K}{\\partial\\ell}\\Bigr)",
                  "\\y^\\top K^{-1}\\y = \\frac{2a + 2b}{a^2 - b^2} = \\frac{2}{a - b} = \\frac{2}{1 - e^{-1/2}}"],
        notes="Definitions (3): k(x, x'), L_1(s), K. The general log marginal likelihood is stated inline, so the two-point log p(y) "
              "display is an identity (encoded with SymPy's own determinant and inverse of the 2x2 matrix); r = x - x' and then "
              "r = x_1 - x_2, a, b, S, P are bound inline; b-derivatives treat a and b as independent and are then evaluated at "
              "the kernel's b; the length-scale gradient is sympy.diff of log p through b(ell), the trace formula with matrices; "
              "L_1 is checked against the log of the N(0, s^2 + sigma_n^2) density. Matrices compared entry by entry. Numbers: "
              "s = 1, sigma_n^2 = 0, r = ell = 1, y = (1, -1)."),
    "rbf_gp_cheatsheet.md": dict(
        family=F["gp"],
        style="Markdown cheat sheet (one-line notation header, --- rules, bold run-in headings K1-K3 and G1-G4, a table of "
              "derivatives in inline math, displays inside bulleted list items, a $$...$$ display inside a sentence, \\!, "
              "pmatrix products, \\operatorname{tr}, an evaluation bar with a condition |x - x'| = ell in the subscript, a NumPy "
              "code fence with '='): the RBF kernel, derivatives in the log-parameters theta = log s and lambda = log ell, the "
              "first and second x-derivatives and the steepest slope s^2/(ell sqrt(e)); the one-point marginal likelihood in the "
              "noise variance; the general 2x2 inverse, its check by multiplication and the quadratic form; the amplitude "
              "gradient by the trace formula for the two-point RBF GP and its trace term; the predictive mean from one "
              "observation and its slope; numbers with s = ell = 1, sigma^2 = 0.25",
        notation=["\\frac{\\partial k}{\\partial\\theta} = 2k",
                  "\\Bigl|\\frac{\\partial k}{\\partial x}\\Bigr|_{|x - x'| = \\ell} = \\frac{\\ell}{\\ell^2}\\,s^2e^{-1/2} = \\frac{s^2}{\\ell\\sqrt{e}}",
                  "= (k_{11}k_{22} - k_{12}^2)\\,I",
                  "\\frac{2s\\,(2a - 2b\\rho)}{a^2 - b^2} = \\frac{4s\\,(a - b\\rho)}{a^2 - b^2}",
                  "\\mu(x_*) = \\frac{k(x_*, x_1)}{s^2 + \\sigma^2}\\,y_1",
                  "\\det K = 1.25^2 - e^{-1} = 1.5625 - e^{-1}"],
        notes="Definitions (4): k(x, x'), L(sigma^2), K (the general symmetric 2x2 matrix), mu(x_*). The log-parameter derivatives "
              "are sympy.diff in theta and lambda with s = e^theta, ell = e^lambda; the steepest-slope display is evaluated at "
              "x - x' = ell; the general inverse and the check with symbols k_11, k_22 > |k_12|; in G3 a = s^2 + sigma^2, b = s^2 rho "
              "with 0 < rho < 1 (rho bound inline) and the gradient is sympy.diff of the log marginal likelihood built from the "
              "matrix. Matrices compared entry by entry. Numbers (decimals as exact rationals): s = ell = 1, sigma^2 = 0.25, "
              "rho = e^{-1/2}; x_* = 1, x_1 = 0, y_1 = 1."),
    "entropy_kl_pgf_problem_set.tex": dict(
        family=F["info"],
        style="LaTeX problem-set solutions (a header line with \\hfill and \\rule, \\section* per problem, enumerate with "
              "(a)-(e) labels, macros \\E, \\Var and a two-argument \\KL for D(p || q), \\binom, \\tfrac, evaluation bars "
              "\\Big|_{q=p} and \\Big|_{(1/2,\\,1/4)}, \\log): the binomial generating function as E[z^X], a sum and (1 - p + pz)^n, "
              "G' and G'', E[X] = G'(1), E[X(X - 1)] = G''(1), the variance np(1 - p) from G''(1) + G'(1) - G'(1)^2, the sum of "
              "two binomials, numbers with n = 10, p = 0.3; the binary entropy, H' = log((1 - p)/p), H'' = -1/(p(1 - p)), "
              "H(1/2) = log 2; the Bernoulli KL divergence, its q- and p-derivatives, the curvature 1/(p(1 - p)) at q = p, KL as "
              "cross-entropy minus entropy, numbers at p = 1/2, q = 1/4",
        notation=["G(z) = \\E\\bigl[z^X\\bigr] = \\sum_{k=0}^{n}\\binom{n}{k}p^k(1-p)^{n-k}z^k = (1 - p + pz)^n",
                  "\\Var(X) &= G''(1) + G'(1) - G'(1)^2",
                  "H'(p) = -\\log p - 1 + \\log(1-p) + 1 = \\log\\frac{1-p}{p}",
                  "\\frac{\\partial^2}{\\partial q^2}\\KL{p}{q}\\Big|_{q=p}",
                  "&= -H(p) - p\\log q - (1-p)\\log(1-q)",
                  "\\frac{\\partial}{\\partial q}\\KL{p}{q}\\Big|_{(1/2,\\,1/4)} &= \\frac{1/4 - 1/2}{\\frac14\\cdot\\frac34} = -\\frac43"],
        notes="Definitions (3): G(z) = E[z^X] (first link), H(p), D(p || q). E[z^X], the moments and the variance are computed "
              "from the binomial probabilities as explicit sums for n = 1..5 (the sum of two binomials for n, m = 1..3), never "
              "from the closed form; 0 < p, q < 1. Numbers (decimals as exact rationals): n = 10, p = 0.3; p = 1/2, q = 1/4."),
    "entropy_dropout_pgf_lecture_notes.md": dict(
        family=F["info"],
        style="Markdown lecture notes from a course site (YAML front matter with layout/title/course/week/katex, a bold "
              "conventions paragraph with inline definitions, ## numbered sections, single-line $$...$$ displays with \\qquad, "
              "\\tfrac, \\log_2 next to \\ln, \\operatorname{Var}, \\mathbb{E}, \\to after a link, a PyTorch code fence with "
              "'=', an italic exercise): the binary entropy in bits and its derivative, H_2(1/4) = 2 - (3/4) log_2 3, the "
              "logistic-link gradient sigma(theta) - p of the Bernoulli KL; dropout masks through G_m(z) = 1 - q + qz, E[m] and "
              "Var(m), inverted dropout's mean and variance, a linear unit with n masked inputs, a number; the Poisson generating "
              "function as a series and as the binomial limit, G' and G'', E[X] = lambda and Var(X) = lambda, G(0) = e^{-3}",
        notation=["H_2(p) = -p\\log_2 p - (1-p)\\log_2(1-p) = \\frac{H(p)}{\\ln 2}",
                  "\\frac{\\partial}{\\partial\\theta}D\\bigl(p\\,\\|\\,\\sigma(\\theta)\\bigr)",
                  "G_m(z) = \\mathbb{E}[z^m] = (1-q)z^0 + qz^1 = 1 - q + qz",
                  "\\operatorname{Var}(y) = \\frac{1}{q^2}\\sum_{i=1}^{n}w_i^2x_i^2\\operatorname{Var}(m_i)",
                  "(1 - p + pz)^n = \\Bigl(1 + \\frac{\\lambda(z-1)}{n}\\Bigr)^n \\to e^{\\lambda(z-1)}",
                  "G''(1) + G'(1) - G'(1)^2 = \\lambda^2 + \\lambda - \\lambda^2 = \\lambda"],
        notes="Definitions (3): H_2(p) (first link), G_m(z) (first link), the Poisson G(z) (first link). H and D are defined "
              "inline in the conventions; q = sigma(theta) is bound inline; mask expectations are exact sums over m in {0, 1} "
              "(over all 2^n patterns for the linear unit, n = 1..4); the binomial-limit display with p = lambda/n for n = 3..6 "
              "(the limit itself is prose); Poisson series and their z-derivatives summed term by term. Numbers (decimals as "
              "exact rationals): p = 1/4; q = 0.8, x = 2; lambda = 3."),
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
