#!/usr/bin/env python3
"""Write the planted copies and MANIFEST.json of corpus_ml18.

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
    "bp": "backpropagation_generic_loss_and_activation",
    "imp": "implicit_differentiation_unknown_F",
    "logz": "log_normaliser_score_exponential_family_energy_model",
    "mech": "lagrangian_mechanics_unknown_potential",
    "gam": "gamma_function_likelihood_and_evidence",
    "tay": "exact_taylor_expansion_hessian",
    "pen": "penalised_empirical_risk_gradient",
    "rules": "differentiation_rules_unknown_functions",
}

UNK = ("Unknown functions: the first context keeps them as sympy Functions (each link proved exactly by "
       "expand/simplify after doit()), the other contexts substitute concrete functions with random parameters "
       "(links judged numerically, the planted slip refuted there). ")

META = {
    "backprop_neuron_lecture.tex": dict(
        family=F["bp"],
        style="LaTeX lecture scribe notes (\\maketitle with \\\\[2pt] in the title, section* headings, align with two "
              "\\label'ed rows and \\eqref, equation environments, a three-row align chain with \\nonumber, \\Bigl[...\\Bigr] "
              "brackets, \\bigl(g(z)\\bigr) arguments, a \\[...\\] display with two chains side by side separated by \\qquad, "
              "\\tfrac and \\frac12 inside \\Bigl(...\\Bigr)): a single neuron z = wx + b, yhat = g(z), L = l(yhat) with l and g "
              "left abstract; dL/dw and dL/db without activation (l'(wx + b) x, l'(wx + b)); with activation by the chain rule "
              "(dl/dyhat dyhat/dz dz/dw = l'(g(z)) g'(z) x); the second derivative in w by the product rule, "
              "x^2 [l''(g(z)) g'(z)^2 + l'(g(z)) g''(z)], and the mixed w-b derivative; numbers for sigma and the squared "
              "error at x = 2, w = b = 0, t = 1 (delta = -1/8, dL/dw = -1/4)",
        notation=["\\frac{\\partial L}{\\partial w} &= \\ell'(y)\\,\\frac{\\partial y}{\\partial w} = \\ell'(wx + b)\\,x, \\label{eq:lin-w}\\\\",
                  "\\frac{\\partial L}{\\partial w} = \\frac{d\\ell}{d\\hat y}\\,\\frac{d\\hat y}{dz}\\,\\frac{\\partial z}{\\partial w}",
                  " &= x^2\\Bigl[\\ell''\\bigl(g(z)\\bigr)\\,g'(z)^2 + \\ell'\\bigl(g(z)\\bigr)\\,g''(z)\\Bigr]. \\label{eq:hess-ww}",
                  "\\frac{\\partial^2 L}{\\partial w\\,\\partial b} = x\\Bigl[\\ell''\\bigl(g(z)\\bigr)\\,g'(z)^2 + \\ell'\\bigl(g(z)\\bigr)\\,g''(z)\\Bigr].",
                  "\\delta = \\Bigl(\\frac12 - 1\\Bigr)\\cdot\\frac14 = -\\frac18, \\qquad"],
        notes=UNK + "l and g unknown (concrete: l = sin u + u^3 with g = tanh(a u) + u/3; l = exp(a u) + u^2 with g = u^3/3 + sin u). "
              "Every derivative is sympy.diff of l(g(wx + b)) (or l(wx + b)) in w or b; the worked numbers differentiate "
              "(sigma(2w + b) - 1)^2/2 at w = b = 0; exact."),
    "two_layer_backprop_blog.md": dict(
        family=F["bp"],
        style="Markdown blog post (YAML front matter with title/date/author/tags/math, ## sections, single-line $$...$$ "
              "displays, two definitions side by side with \\qquad, the loss derivative left abstract as delta = dL/dyhat, "
              "three-factor chain-rule products of Leibniz fractions, sums with symbolic bounds d and m, W_{ji} double "
              "indices, a tanh display, a Python/numpy code fence containing =): a two-layer network z_j = sum_i W_ji x_i + b_j, "
              "h_j = g(z_j), yhat = sum_j v_j h_j + c, L = l(yhat); dL/dv_j = delta h_j = delta g(z_j), dL/dc = delta, "
              "dL/dz_j = delta v_j g'(z_j), dL/dW_ji = delta v_j g'(z_j) x_i, dL/dx_i as a sum over hidden units "
              "delta sum_j v_j g'(z_j) W_ji; g = tanh with g' = 1 - tanh^2",
        notation=["z_j = \\sum_{i=1}^{d} W_{ji}\\,x_i + b_j, \\qquad h_j = g(z_j) .",
                  "\\frac{\\partial L}{\\partial v_j} = \\frac{\\partial L}{\\partial \\hat y}\\,\\frac{\\partial \\hat y}{\\partial v_j} = \\delta\\,h_j = \\delta\\,g(z_j)",
                  "\\frac{\\partial L}{\\partial z_j} = \\frac{\\partial L}{\\partial \\hat y}\\,\\frac{\\partial \\hat y}{\\partial h_j}\\,\\frac{d h_j}{d z_j} = \\delta\\,v_j\\,g'(z_j)",
                  "= \\delta\\sum_{j=1}^{m}v_j\\,g'(z_j)\\,W_{ji}",
                  "g'(z) = \\frac{d}{dz}\\tanh z = 1 - \\tanh^2 z"],
        notes=UNK + "l and g unknown (concrete pairs with random parameters). Definitions (2): z_j and h_j. Checked for "
              "(d, m) = (1, 1), (2, 2), (2, 3) inputs and hidden units and every index pair (i, j); dL/dz_j is sympy.diff of "
              "l(sum_j v_j g(Z_j) + c) in an independent Z_j, then Z_j replaced by the affine map; exact."),
    "implicit_differentiation_exam.tex": dict(
        family=F["imp"],
        style="LaTeX exam model solutions (centred header, \\subsection* problems with a \\pts macro, italic problem "
              "statements, subscript partial derivatives F_x, F_{xy}, F_{yy}, primes y', y'', y'(0), a \\Longrightarrow "
              "between two chains in one equation, a three-row align with \\nonumber and \\label, \\[...\\] displays with "
              "numbers in e, \\bigl(1 + f'(y)\\bigr)^{-1}, grading remarks): y' = -F_x/F_y from 0 = d/dx F(x, y(x)) = F_x + F_y y'; "
              "y'' by the quotient rule and the closed form -(F_xx F_y^2 - 2F_xy F_x F_y + F_yy F_x^2)/F_y^3; "
              "e^y + xy = e at (0, 1): y'(0) = -1/e, y''(0) = 1/e^2; y + f(y) = x with f unknown: y' = 1/(1 + f'(y)), "
              "y'' = -f''(y)/(1 + f'(y))^3",
        notation=["0 = \\frac{d}{dx}F\\bigl(x, y(x)\\bigr) = F_x + F_y\\,y' \\qquad\\Longrightarrow\\qquad y' = -\\frac{F_x}{F_y}.",
                  "&= -\\frac{F_{xx}F_y^2 - 2F_{xy}F_xF_y + F_{yy}F_x^2}{F_y^3}, \\label{eq:second}",
                  "y''(0) = -\\frac{0\\cdot e^2 - 2\\cdot 1\\cdot 1\\cdot e + e\\cdot 1^2}{e^3} = \\frac{1}{e^2}.",
                  "y'' &= \\frac{d}{dx}\\bigl(1 + f'(y)\\bigr)^{-1} = -\\frac{f''(y)\\,y'}{\\bigl(1 + f'(y)\\bigr)^2}"],
        notes="Implicitly defined curves are checked through parametrisations s -> (x(s), y(s)) that lie on F = 0 (asserted), "
              "with y' = (dy/ds)/(dx/ds) and y'' computed from them, independently of implicit differentiation: "
              "x - phi(y) = 0 with phi an unknown sympy Function (proved exactly), x^2 + x y^2 - 2 = 0 and x e^y + y^2 - 3 = 0 "
              "(numerically); Problem 5 through x = (e - e^s)/s, y = s at s = 1; Problem 6 through x = s + f(s), y = s with f "
              "unknown (exact) and two concrete f. The chain-rule link d/dx F(x, y(x)) = F_x + F_y y' is also checked off the "
              "curve, with F and y(x) unknown sympy Functions (exact) and concrete; the link 0 = d/dx F(x, y(x)) only on curves; exact."),
    "exponential_family_cheatsheet.md": dict(
        family=F["logz"],
        style="Markdown cheat sheet (YAML front matter with title/subtitle/layout, # and ## headings, bold lead-ins, $$ "
              "displays indented inside list items, \\partial_\\eta, primes A'(eta), A''(eta), \\log Z(\\eta) inside "
              "\\bigl[...\\bigr], \\Bigl(\\frac{Z'}{Z}\\Bigr)^2, a Markdown table with inline math, a chain A' = A'' = e^eta, "
              "two chains side by side with \\qquad, a blockquote tip, natural \\log): p(x | eta) = h(x) exp(eta T(x) - A(eta)), "
              "A = log Z with Z an unknown positive function; log p, the score T(x) - A'(eta); A' = Z'/Z, A'' = Z''/Z - (Z'/Z)^2; "
              "the i.i.d. log-likelihood and its first two derivatives; Bernoulli (sigma(eta), sigma(1 - sigma)) and Poisson (e^eta)",
        notation=["\\log p(x \\mid \\eta) = \\log h(x) + \\eta\\,T(x) - A(\\eta)",
                  "\\partial_\\eta \\log p(x \\mid \\eta) = T(x) - A'(\\eta)",
                  "A'(\\eta) = \\frac{d}{d\\eta}\\bigl[\\log Z(\\eta)\\bigr] = \\frac{Z'(\\eta)}{Z(\\eta)}",
                  "\\ell'(\\eta) = \\sum_{i=1}^{n}T(x_i) - nA'(\\eta), \\qquad \\ell''(\\eta) = -nA''(\\eta)",
                  "A'(\\eta) = A''(\\eta) = e^{\\eta}"],
        notes=UNK + "h (positive), T and Z (positive) unknown; A is log Z throughout. Definitions (1): the log-likelihood "
              "l(eta), encoded as the sum of log p(x_i | eta) for n = 1, 2, 3. Bernoulli and Poisson links differentiate "
              "log(1 + e^eta) and e^eta; exact."),
    "lagrangian_mechanics_lecture.tex": dict(
        family=F["mech"],
        style="LaTeX lecture notes in physics (\\maketitle with \\\\[2pt]\\large in the title, numbered sections, \\paragraph, "
              "dot notation \\dot q, \\ddot q, \\dot\\theta, primes V'(q), V_{\\mathrm{eff}}'(r), an align with two chains in "
              "& columns on one row, \\Bigl(\\frac{\\partial L}{\\partial \\dot q}\\Bigr), \\tfrac12, \\label/\\eqref, a "
              "two-row align ending in \\nonumber, \\ell used for angular momentum with a warning): L(q, qdot) = m qdot^2/2 - V(q) "
              "with V unknown; dL/dqdot = m qdot, dL/dq = -V'(q), the Euler-Lagrange expression m qddot + V'(q); dE/dt = "
              "qdot (m qddot + V'(q)); polar coordinates with V(r): p_theta = m r^2 thetadot, dp_theta/dt, the radial expression "
              "m rddot - m r thetadot^2 + V'(r), the centrifugal term as -d/dr (l^2/(2 m r^2)), V_eff'(r)",
        notation=["L(q, \\dot q) = \\tfrac12 m\\dot q^2 - V(q). \\label{eq:L}",
                  "\\frac{\\partial L}{\\partial \\dot q} &= m\\dot q, &",
                  "\\frac{d}{dt}\\Bigl(\\frac{\\partial L}{\\partial \\dot q}\\Bigr) - \\frac{\\partial L}{\\partial q} = m\\ddot q + V'(q), \\label{eq:el}",
                  "&= \\dot q\\,\\bigl(m\\ddot q + V'(q)\\bigr), \\label{eq:dEdt}",
                  "m r\\dot\\theta^2 = \\frac{\\ell^2}{m r^3} = -\\frac{d}{dr}\\Bigl(\\frac{\\ell^2}{2 m r^2}\\Bigr)."],
        notes=UNK + "V and the trajectories q(t), r(t), theta(t) unknown (concrete: quartic and exponential potentials with "
              "smooth trajectories). Definitions (3): the two Lagrangians and p_theta. Partial derivatives are taken with q, "
              "qdot (r, rdot, thetadot) as independent symbols, then the trajectory is substituted and d/dt taken by sympy.diff; "
              "the centrifugal links are checked with thetadot = l/(m r^2) as the text states; no link asserts the equation "
              "of motion itself; exact."),
    "gamma_likelihood_appendix.tex": dict(
        family=F["gam"],
        style="LaTeX paper appendix (\\appendix with a labelled section and subsections, \\mathcal{L}, \\Gamma, \\Gamma', "
              "digamma \\psi, \\hat\\beta(\\alpha), \\bar x, \\overline{\\log x}, sums with symbolic bound n, a two-row align with "
              "\\nonumber, a chain continued over a line break inside one align row, a definite integral over (0, \\infty) of a "
              "product, \\prod_{i=1}^{n}y_i!, an \\E macro, natural \\log): the Gamma(alpha, beta) log-likelihood with Gamma left "
              "abstract, its beta- and alpha-derivatives (Gamma'/Gamma = psi), the profile log-likelihood at beta-hat = alpha/xbar "
              "and its derivative by the product rule; the Gamma-Poisson evidence b^a Gamma(a + S)/(Gamma(a) prod y_i! (b + n)^(a + S)), "
              "its a-derivative with psi, the posterior mean (a + S)/(b + n) via Gamma(a + 1) = a Gamma(a)",
        notation=["\\mathcal{L}(\\alpha, \\beta) &= \\sum_{i=1}^{n}\\log p(x_i \\mid \\alpha, \\beta) \\nonumber\\\\",
                  " = n\\log\\beta - n\\psi(\\alpha) + \\sum_{i=1}^{n}\\log x_i . \\label{eq:dalpha}",
                  "&= n\\bigl(\\log\\alpha - \\psi(\\alpha) - \\log\\bar x + \\overline{\\log x}\\bigr), \\label{eq:profile}",
                  "\\frac{\\partial}{\\partial a}\\log p(y_{1:n}) = \\log b - \\psi(a) + \\psi(a + S) - \\log(b + n),",
                  "\\E[\\lambda \\mid y_{1:n}] = \\frac{\\Gamma(a + S + 1)}{\\Gamma(a + S)\\,(b + n)} = \\frac{a + S}{b + n}."],
        notes="Sections 1-2: Gamma is an unknown positive sympy Function with psi = Gamma'/Gamma (proved exactly) and the "
              "real Gamma function with polygamma(0, .) (numerically), for n = 1, 2, 3 positive observations; beta-hat is "
              "sympy.solve of dL/dbeta = 0. Definitions (2): L(alpha, beta) and the evidence p(y_1:n). Section 3: count "
              "vectors (0), (3), (1, 2), (0, 2, 1); the evidence, its a-derivative (differentiated under the integral sign) "
              "and the posterior mean are mpmath quadrature over (0, infinity) at 50 digits, never the text's closed form; exact."),
    "taylor_hessian_forum.md": dict(
        family=F["tay"],
        style="Markdown forum thread (a # title with Unicode math, a blockquoted question with inline math and a code span, "
              "an accepted answer with italic lead-ins and ---, single-line $$ displays, g(t) = f(x + th) with \\partial_1 f, "
              "\\partial_{12}f, \\nabla f(x + th)^\\top h, h^\\top\\nabla^2 f(x + th)\\,h, integrals \\int_0^1 (1 - t)\\,...\\,dt with "
              "the integration variable reusing t, \\tfrac12, comments with displays): the derivatives of g(t) = f(x + th) in two "
              "variables, g' = grad f . h, g'' = h1^2 f_11 + 2 h1 h2 f_12 + h2^2 f_22 = h^T Hess h; the exact Taylor formula with "
              "integral remainder for g and for f; the remainder of a quadratic (1/2) h^T A h; (x + h)^3 expanded; the central "
              "difference of a cubic f'(x) + h^2 f'''(x)/6",
        notation=["g'(t) = \\frac{d}{dt}f(x_1 + th_1,\\, x_2 + th_2) = h_1\\,\\partial_1 f(x + th) + h_2\\,\\partial_2 f(x + th) = \\nabla f(x + th)^\\top h",
                  "g''(t) = h_1^2\\,\\partial_{11}f + 2h_1h_2\\,\\partial_{12}f + h_2^2\\,\\partial_{22}f = h^\\top\\nabla^2 f(x + th)\\,h",
                  "g(1) = g(0) + g'(0) + \\int_0^1 (1 - t)\\,g''(t)\\,dt",
                  "\\int_0^1 (1 - t)\\,h^\\top A h\\,dt = \\tfrac12\\,h^\\top A h",
                  "\\frac{f(x + h) - f(x - h)}{2h} = f'(x) + \\frac{h^2}{6}f'''(x)"],
        notes="The first chain (first derivatives) is proved with f an unknown sympy Function of two variables. The "
              "second-order chains use f = a cubic in two variables with ten symbolic coefficients (its 2-jet at any point is "
              "arbitrary, so an identity in f and its derivatives up to order 2 that holds for it holds for every C^2 f; proved "
              "by simplify) and two concrete transcendental f (numerically); the integrals are mpmath quadrature; the 1-D "
              "central difference uses a cubic with four symbolic coefficients; exact."),
    "penalised_risk_notebook.md": dict(
        family=F["pen"],
        style="Markdown notebook export (In [n] / Out [n] code cells with their real outputs, ## numbered sections, "
              "single-line $$ displays, two definitions side by side with \\qquad, \\ell\\bigl(r_i(w)\\bigr) and \\ell'(r_i), "
              "\\partial_k R(w), \\nabla R(w), \\nabla\\,\\tfrac12\\|w\\|^2, w^{+}, x_{ik}, sums with symbolic bounds n, p and p - 1, "
              "vectors compared entry by entry): J(w) = (1/n) sum l(r_i(w)) + lambda R(w) with l, R, rho unknown; dJ/dw_k and "
              "the gradient; a separable penalty sum rho(w_j); ridge; the gradient step (1 - eta lambda) w - (eta/n) sum l'(r_i) x_i; "
              "the smoothness penalty's gradient 2w_k - w_{k-1} - w_{k+1}",
        notation=["J(w) = \\frac{1}{n}\\sum_{i=1}^{n}\\ell\\bigl(r_i(w)\\bigr) + \\lambda R(w), \\qquad r_i(w) = w^\\top x_i - y_i",
                  "= \\frac1n\\sum_{i=1}^{n}\\ell'(r_i)\\,x_{ik} + \\lambda\\,\\partial_k R(w)",
                  "\\partial_k \\sum_{j=1}^{p}\\rho(w_j) = \\rho'(w_k)",
                  "\\nabla R(w) = \\nabla\\,\\tfrac12\\|w\\|^2 = w",
                  "\\frac{\\partial R}{\\partial w_k} = (w_k - w_{k-1}) - (w_{k+1} - w_k) = 2w_k - w_{k-1} - w_{k+1}"],
        notes=UNK + "l, rho and R (a function of p variables) unknown. Definitions (3): J, r_i, w^+. Checked for (n, p) = "
              "(1, 1), (2, 2), (3, 2) and every (i, k); gradients are vectors of sympy.diff; the smoothness penalty for p = 3, 4, 5 "
              "and every interior k. The code cell's output is the real output of that code (run with Python 3.11 when the "
              "corpus was written), not a link; exact."),
    "derivative_rules_handout.tex": dict(
        family=F["rules"],
        style="LaTeX tutorial handout (\\maketitle with a week as date, a \\dd macro for the upright d in Leibniz notation, "
              "numbered section* headings, primes on parenthesised expressions \\Bigl(\\frac{f}{g}\\Bigr)', (fg)'', (f'g + fg')', "
              "\\partial_x, f\\bigl(g(x)\\bigr), f(x)^{g(x)}, e^{g(x)\\log f(x)}, \\sigma\\bigl(f(x)\\bigr), align with a chain "
              "continued over two rows, two chains side by side with \\qquad, an exercise with inline math): product rule; "
              "quotient rule via f . (1/g); (fg)'' = f''g + 2f'g' + fg''; the chain rule and its second derivative; logarithmic "
              "derivatives; the derivative of f^g; the derivative of the softplus of f",
        notation=["\\frac{\\dd}{\\dd x}\\bigl[f(x)\\,g(x)\\bigr] = f'(x)\\,g(x) + f(x)\\,g'(x). \\label{eq:product}",
                  "(fg)'' = (f'g + fg')' = f''g + 2f'g' + fg''. \\label{eq:leibniz2}",
                  "\\frac{\\dd^2}{\\dd x^2}f\\bigl(g(x)\\bigr) &= f''\\bigl(g(x)\\bigr)\\,g'(x)^2 + f'\\bigl(g(x)\\bigr)\\,g''(x). \\label{eq:chain2}",
                  "\\partial_x \\log f(x) = \\frac{f'(x)}{f(x)}, \\qquad",
                  "\\frac{\\dd}{\\dd x}\\log\\bigl(1 + e^{f(x)}\\bigr) = \\frac{e^{f(x)}\\,f'(x)}{1 + e^{f(x)}} = \\sigma\\bigl(f(x)\\bigr)\\,f'(x)."],
        notes=UNK + "f and g unknown positive functions (concrete: u^2 + sin u + 2 with exp(b u) + 1; exp(b u) + u^2 with "
              "u^2 + b u + 1); every link of this handout is proved exactly with f and g left unknown; exact."),
    "energy_model_score_notes.md": dict(
        family=F["logz"],
        style="Markdown reading-group notes (# title, italic byline, ## sections, single-line $$ displays, p_\\theta(k), "
              "Z(\\theta), E_k'(\\theta), p_\\theta'(j), \\bigl(-E_k'(\\theta)\\bigr), sums with symbolic bound K and free indices "
              "j and k, a chain ending in 0, \\Bigl(\\sum ...\\Bigr)^2, inline questions from the group, natural \\log): a "
              "Boltzmann distribution over K states with unknown energies E_k(theta); log p; d/dtheta log Z = Z'/Z = "
              "-sum_k p_k E_k'; the score; the mean score is zero (sum p' = d/dtheta sum p = 0); the log-derivative trick; "
              "linear energies: (log Z)'' as a variance",
        notation=["p_\\theta(k) = \\frac{e^{-E_k(\\theta)}}{Z(\\theta)}, \\qquad Z(\\theta) = \\sum_{k=1}^{K}e^{-E_k(\\theta)}",
                  "= -\\sum_{k=1}^{K}p_\\theta(k)\\,E_k'(\\theta)",
                  "\\frac{d}{d\\theta}\\log p_\\theta(j) = -E_j'(\\theta) + \\sum_{k=1}^{K}p_\\theta(k)\\,E_k'(\\theta)",
                  "= \\frac{d}{d\\theta}\\sum_{j=1}^{K}p_\\theta(j) = 0",
                  "\\frac{d^2}{d\\theta^2}\\log Z(\\theta) = \\sum_{k=1}^{K}p_\\theta(k)\\,\\phi_k^2 - \\Bigl(\\sum_{k=1}^{K}p_\\theta(k)\\,\\phi_k\\Bigr)^2"],
        notes=UNK + "The energies E_1..E_K are unknown functions (concrete: sin(k u) + k u^2/3 + d u and exp(u/(k + d)) - k u). "
              "Definitions (2): p_theta(k) and Z(theta). Checked for K = 1, 2, 3 and every free index (k or j); the f(k) and "
              "phi_k are free symbols; exact."),
}


def _analyse(job):
    """Worker: check one correct document and its planted copy (documents are rebuilt in the worker)."""
    name, symbolic = job
    d = [x for x in all_docs() if x.file == name][0]
    r = analyse_correct(d, symbolic)
    p = analyse_planted(d, symbolic) if d.planted else None
    # contexts of this corpus hold Python functions (the concrete stand-ins for unknown functions),
    # which cannot be sent back from a worker process: keep the witnesses as text
    for res in (r["results"] + (p["results"] if p else [])):
        if res["witness"] is not None:
            res["witness"] = repr(res["witness"])
    return name, r, p


def main(argv):
    symbolic = "--fast" not in argv
    jobs = 1
    for a in argv:
        if a.startswith("--jobs="):
            jobs = int(a.split("=", 1)[1])
    docs = all_docs()
    assert len(docs) == 10 and set(d.file for d in docs) == set(META)
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
