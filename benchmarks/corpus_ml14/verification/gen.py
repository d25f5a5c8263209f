#!/usr/bin/env python3
"""Write the planted copies and MANIFEST.json of corpus_ml14.

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
    "attn": "attention_softmax_sqrt_d_scaling",
    "pg": "policy_gradients_reinforce",
    "surv": "survival_analysis_hazards_censoring",
    "arm": "two_link_planar_arm_kinematics",
    "info": "information_theory_entropy_bsc_kl",
    "lagr": "lagrange_multipliers_utility_cost",
}

META = {
    "attention_gradients_lecture.tex": dict(
        family=F["attn"],
        style="LaTeX lecture scribe notes (\\maketitle with \\\\[2pt] in the title, macros \\pd for partial derivatives, \\sumn, \\sumi, "
              "\\sumr for sums whose bounds live in the macro, \\E, \\Var; numbered equation/align with \\label, \\eqref and \\nonumber rows, "
              "align* chains over two rows, \\[...\\] with chains separated by \\qquad, two chains side by side in one align* row with &, "
              "\\paragraph run-in headings, the Kronecker delta, a slash fraction k_{jr}/\\sqrt d inline, \\approx after chains): one query "
              "attending to n keys with scalar values: the scores s_j = q^T k_j/sqrt d, softmax weights a_j, output o; the weights sum to "
              "one; the softmax Jacobian a_i(delta_ij - a_j) by the quotient rule; its columns sum to zero; do/ds_j = a_j(v_j - o); "
              "do/dq_r through the chain rule with the weighted mean key; Var(q^T k) = d under independent unit-variance entries and "
              "Var(s_j) = 1; a two-key example at d = 4 with e's (do/ds_1 = 2e/(e + 1)^2, do/dq_1 = e/(e + 1)^2)",
        notation=["s_j = \\frac{q^\\top k_j}{\\sqrt d} = \\frac{1}{\\sqrt d}\\sumr q_r k_{jr}",
                  "&= \\frac{e^{s_i}}{Z}\\Bigl(\\delta_{ij} - \\frac{e^{s_j}}{Z}\\Bigr)",
                  "&= a_jv_j - a_j\\sumi a_iv_i",
                  "= \\sumr\\sum_{t=1}^{d}\\E[q_rq_t]\\,\\E[k_rk_t]",
                  "a_2 = 1 - a_1 = \\frac{1}{e + 1}",
                  "\\pd{o}{q_1} = \\frac{1}{\\sqrt4}\\Bigl(\\pd{o}{s_1}k_{11} + \\pd{o}{s_2}k_{21}\\Bigr)"],
        notes="Definitions (3): s_j (for d = 1..4 and every j), a_j, o (for n = 1..4). Softmax derivatives are sympy.diff of the weights "
              "written from free scores s_1..s_n, for n = 1..4 and every index pair; do/dq_r is sympy.diff of the whole forward pass written "
              "from q and the keys (n = 1..3 keys, d = 1..3 dimensions, every r), the middle chain-rule expression built from do/ds_j "
              "evaluated at the scores of the query. Variances are expectations of polynomials in independent entries with mean 0 and "
              "variance 1 (d = 1..4). Numbers exact: d = 4, q = (1, 0, 1, 0), k_1 = (1, 1, 1, 1), k_2 = (0, 1, 0, 1), v = (3, 1)."),
    "attention_scaling_blog.md": dict(
        family=F["attn"],
        style="Markdown blog post (YAML front matter with title/date/author/tags/math, ## numbered sections, single-line $$...$$ displays, "
              "\\qquad between definitions, \\exp and e^{...} both used, \\operatorname{Var}, \\operatorname{diag} and "
              "\\operatorname{sech}, \\mathbb{E}, k_{j,r} with a comma index, an arbitrary constant c_r subtracted for free, "
              "\\approx after chains, natural \\log): scores, softmax weights alpha_j and output y; two keys as a sigmoid of the score gap; "
              "the log-softmax derivative delta_ij - alpha_j and the Jacobian alpha_i delta_ij - alpha_i alpha_j; the two-key diagonal "
              "entry alpha_1 alpha_2; dy/ds_j = alpha_j(v_j - y) and the zero sum; dy/dq_r with any constant c_r; the variance of one term "
              "and of the dot product (d), and of the scaled score (1); a two-key example at d = 4 (y = tanh 1, dy/ds_1 = (1/2)sech^2 1, "
              "dy/dq_2)",
        notation=["\\alpha_1 = \\frac{e^{s_1}}{e^{s_1} + e^{s_2}} = \\frac{1}{1 + e^{-(s_1 - s_2)}} = \\sigma(s_1 - s_2)",
                  "\\frac{\\partial \\log\\alpha_i}{\\partial s_j} = \\delta_{ij} - \\frac{e^{s_j}}{\\sum_{m=1}^{n}e^{s_m}} = \\delta_{ij} - \\alpha_j",
                  "\\frac{1}{\\sqrt{d}}\\sum_{j=1}^{n}\\alpha_j(v_j - y)(k_{j,r} - c_r)",
                  "\\operatorname{Var}(q_rk_r) = \\mathbb{E}[q_r^2]\\,\\mathbb{E}[k_r^2] - 0^2 = 1",
                  "y = \\alpha_1 - \\alpha_2 = \\frac{e^2 - 1}{e^2 + 1} = \\tanh 1",
                  "\\frac{2e^2}{(e^2 + 1)^2} = \\frac{1}{2}\\operatorname{sech}^2 1"],
        notes="Definitions (3): s_j, alpha_j, y (first links). Derivatives are sympy.diff of the softmax of free scores (n = 1..4, every "
              "index pair) and of the full forward pass in q (n = 1..3 keys, d = 1..3, every r), with c_r a free symbol; the "
              "variance statements use independent entries with mean 0 and variance 1 (d = 1..4). Numbers exact: d = 4, q = (1, 1, 1, 1), "
              "k_1 = (1, 1, 1, 1), k_2 = (1, -1, 1, -1), v = (1, -1)."),
    "reinforce_exam_solutions.tex": dict(
        family=F["pg"],
        style="LaTeX exam model solutions (centered header with \\\\[3pt], \\section* per question with a \\pts macro and \\hfill, italic "
              "(a)-(d) parts, macros \\E and \\grad for nabla_theta, the indicator \\mathbb{1}[a = c] inside displays, equation with "
              "\\label and \\eqref, align* over two rows with a chain continued on the second, two chains side by side with &, vectors "
              "written as tuples with \\bigl( \\bigr) and \\Bigl( \\Bigr), pi both the policy and the number in the Gaussian density, "
              "markers' notes, \\approx after a chain, natural \\log): the softmax score 1[a = c] - pi(c) over three actions, the score "
              "vector of action 2, its zero mean; a Bernoulli policy p = sigma(theta): J and J' directly and through the score; a "
              "baseline leaves the gradient unchanged; a Gaussian policy's log-density, its mu- and sigma-scores, the score-function "
              "estimate of d(mu^2 + sigma^2)/dmu; one REINFORCE step at theta = (0, log 2, log 3) with G = 5, b = 2",
        notation=["\\mathbb{1}[a = c] - \\pi_\\theta(c)",
                  "J'(\\theta) = \\sigma'(\\theta)\\bigl(f(1) - f(0)\\bigr) = p(1 - p)\\bigl(f(1) - f(0)\\bigr)",
                  "&= \\E\\bigl[f(a)\\,\\grad\\log\\pi_\\theta(a)\\bigr] - b\\,\\grad\\sum_{a=1}^{3}\\pi_\\theta(a)",
                  "-\\log\\bigl(\\sqrt{2\\pi}\\,\\sigma\\bigr) - \\frac{(a - \\mu)^2}{2\\sigma^2}",
                  "\\frac{\\mu^3 + 3\\mu\\sigma^2 - \\mu(\\mu^2 + \\sigma^2)}{\\sigma^2} = 2\\mu",
                  "= 3\\Bigl(-\\frac16,\\ 1 - \\frac13,\\ -\\frac12\\Bigr) = \\Bigl(-\\frac12,\\ 2,\\ -\\frac32\\Bigr)"],
        notes="Definitions (2): J(theta) (first link) and the update direction g-hat (first link). Scores are sympy.diff of log pi "
              "for the three-action softmax (every action and parameter), of log sigma and log(1 - sigma), and of the Gaussian "
              "log-density; expectations over actions are finite sums; vectors are compared entry by entry; Gaussian expectations are "
              "definite integrals against the stated density (quadrature). Numbers exact: theta = (0, log 2, log 3), G = 5, b = 2, "
              "step 0.1 (decimals as exact rationals)."),
    "policy_gradient_notebook.md": dict(
        family=F["pg"],
        style="Markdown notebook export (# file name, italic kernel line, ## numbered sections, **In [n]:** NumPy code cells with '=' "
              "and **Out[n]:** lines in code spans holding the real output of the cells, single-line $$...$$ displays, \\mathcal{N}, "
              "\\mathbb{E}, integrals over the whole line, pmatrix column vectors, \\qquad between two chains, decimals, natural \\log): "
              "a Gaussian policy N(mu, sigma^2) with reward -(a - 2)^2: log-density and score, the log-derivative trick written as "
              "integrals, E[f] and its gradient directly and through the score (moments of z = a - mu), a constant baseline integrates "
              "to zero, a hand sample at mu = 0.5 with the baseline -3.25; a two-armed softmax bandit: pi_1 as a sigmoid, the scores, "
              "the score vector of action 2, the expected score vanishing, dJ/dtheta_1 directly and by the trick, numbers at "
              "theta = (log 3, 0)",
        notation=["\\int_{-\\infty}^{\\infty} f(a)\\,\\pi_\\mu(a)\\,\\frac{a - \\mu}{\\sigma^2}\\,da",
                  "-\\frac{\\mathbb{E}[z^3] + 2(\\mu - 2)\\,\\mathbb{E}[z^2] + (\\mu - 2)^2\\,\\mathbb{E}[z]}{\\sigma^2}",
                  "b = \\mathbb{E}[f(a)] = -(0.5 - 2)^2 - 1^2 = -3.25",
                  "\\frac{\\partial \\log\\pi_1}{\\partial\\theta_1} = 1 - \\frac{e^{\\theta_1}}{e^{\\theta_1} + e^{\\theta_2}} = 1 - \\pi_1 = \\pi_2",
                  "\\nabla_\\theta\\log\\pi_2 = \\begin{pmatrix} -\\pi_1 \\\\ 1 - \\pi_2 \\end{pmatrix} = \\pi_1\\begin{pmatrix} -1 \\\\ 1 \\end{pmatrix}",
                  "\\pi_1r_1\\pi_2 + \\pi_2r_2(-\\pi_1)"],
        notes="Definitions (2): the baseline b (first link) and pi_1 (first link). Gaussian expectations are definite integrals against "
              "the N(mu, sigma^2) density (quadrature), the gradient of E[f] is the mu-derivative of that integral, moments of z are "
              "integrals against N(0, sigma^2); the bandit's scores are sympy.diff of log-softmax, expectations finite sums, vectors "
              "compared entry by entry. Numbers (decimals as exact rationals): mu = 0.5, sigma = 1, a = 1.5; theta = (log 3, 0), "
              "r = (1, 0)."),
    "survival_hazard_appendix.tex": dict(
        family=F["surv"],
        style="LaTeX paper appendix (\\appendix, a section titled after the main text, a lemma with \\label and a proof ending in "
              "\\qedhere inside \\[...\\], \\subsection headings, macros \\dd for the upright differential, \\E and \\sumn, numbered "
              "equations with \\label and \\eqref, a cases environment with \\text conditions and no '=' inside, an align with a "
              "\\nonumber row, the letter d used both as a count and inside \\frac{\\dd}{\\dd t}, \\Gamma(1.5), \\tfrac, \\approx after "
              "chains, natural \\log): S(t) as the integral of f and h = f/S; the lemma h = -d log S/dt and S = e^{-H}; exponential and "
              "Weibull hazards; the right-censored likelihood in f/S and in h/S, log L; the exponential log-likelihood, its derivative "
              "and the MLE d/tau; the mean residual life and its value 1/lambda for the exponential; numbers: a censored sample "
              "(3/20), a Weibull hazard and mean (5 sqrt pi), a gamma(2, lambda) survival and hazard at lambda = 1/2, t = 2",
        notation=["-\\frac{\\dd}{\\dd t}\\log S(t) = -\\frac{S'(t)}{S(t)} = \\frac{f(t)}{S(t)} = h(t)",
                  "\\int_0^t h(u)\\,\\dd u = -\\bigl[\\log S(u)\\bigr]_0^t = -\\log S(t)",
                  "L_i = \\begin{cases} f(t_i), & \\text{failure observed},\\\\ S(t_i), & \\text{censored}, \\end{cases}",
                  "\\ell'(\\lambda) &= \\frac{d}{\\lambda} - \\tau",
                  "m(t) = \\E[T - t \\mid T > t] = \\frac{1}{S(t)}\\int_t^\\infty S(u)\\,\\dd u",
                  "\\E[T] = \\int_0^\\infty e^{-(t/10)^2}\\,\\dd t = 10\\,\\Gamma(1.5) = 5\\sqrt\\pi"],
        notes="Definitions (6): S(t), h(t), L_i, L (first link), ell(lambda) (first link), m(t) (first link). The general identities are "
              "checked for three concrete lifetime laws given by f and S (Weibull, log-logistic, linear hazard a + bt), with S "
              "checked against the integral of f and H as the integral of h (quadrature); the likelihood for n = 1..3 units and every "
              "censoring pattern; the exponential MLE is sympy.solve of the derivative of the log-likelihood (patterns with d >= 1); "
              "mean residual lives are ratios of integrals. Numbers (decimals as exact rationals): delta = (1, 1, 1, 0, 0), "
              "t = (2, 3, 5, 4, 6); Weibull k = 2, eta = 10; gamma shape 2 at lambda = 1/2, t = 2."),
    "reliability_forum.md": dict(
        family=F["surv"],
        style="Markdown forum thread (bold title, an 'Asked in' line with tags in code spans, a blockquoted question with inline math and "
              "a numbered list, an accepted answer with bold numbered steps, --- rules, a comment, a reply and a second comment; single-"
              "line $$...$$ displays, products over index sets i in F and i in C, d as a count next to d/dlambda and d/dt, "
              "\\operatorname{se}, \\text{MRL}(t), a slash fraction e^{-lambda t}/lambda inside \\frac, \\exp with \\bigl, \\qquad "
              "between chains, units in \\text, \\approx after chains, \\ln natural): h = f/S = -S'/S = -d ln S/dt; S for a constant "
              "hazard; the censored exponential likelihood lambda^d e^{-lambda T}, its log, derivative, the MLE d/T and its standard "
              "error; the asker's numbers (T = 3370, 3/3370, 1123 hours, sqrt3/3370); the exponential mean residual life; the Weibull "
              "hazard by differentiating ln S; Weibull numbers at k = 1.5, eta = 1000, t = 250 and a conditional survival",
        notation=["h(t) = \\frac{f(t)}{S(t)} = -\\frac{S'(t)}{S(t)} = -\\frac{d}{dt}\\ln S(t)",
                  "L(\\lambda) = \\prod_{i \\in F}\\lambda e^{-\\lambda t_i}\\prod_{i \\in C}e^{-\\lambda t_i} = \\lambda^{d}e^{-\\lambda T}",
                  "\\ell'(\\lambda) = \\frac{d}{d\\lambda}\\bigl(d\\ln\\lambda - \\lambda T\\bigr) = \\frac{d}{\\lambda} - T",
                  "\\operatorname{se}(\\hat\\lambda) = \\frac{1}{\\sqrt{-\\ell''(\\hat\\lambda)}} = \\frac{\\hat\\lambda}{\\sqrt{d}}",
                  "\\text{MRL}(t) = \\frac{1}{S(t)}\\int_t^\\infty S(u)\\,du = \\frac{e^{-\\lambda t}/\\lambda}{e^{-\\lambda t}} = \\frac{1}{\\lambda}",
                  "h(250) = \\frac{1.5}{1000}\\Bigl(\\frac{250}{1000}\\Bigr)^{0.5} = 0.0015\\cdot 0.5 = 0.00075"],
        notes="Definitions (4): h(t), L(lambda), ell(lambda) and se(lambda-hat) (first links). The hazard identities for three concrete "
              "lifetime laws (Weibull, log-logistic, linear hazard); the likelihood for n = 1..4 units and every censoring pattern; the "
              "MLE is sympy.solve of the derivative of the log-likelihood and the standard error 1/sqrt(-ell'') at it (patterns with "
              "d >= 1); the mean residual life as a ratio of integrals (quadrature). Numbers (decimals as exact rationals): failures at "
              "120, 340, 410 hours and five units censored at 500; Weibull k = 1.5, eta = 1000, t = 250 and 500."),
    "two_link_arm_slides.tex": dict(
        family=F["arm"],
        style="LaTeX slides in the base slides class (landscape, one slide environment per slide, a \\slidehead macro, \\pdd for partial "
              "derivatives, \\thd with an unbraced argument (\\thd1 for theta-dot_1), shorthand c_1, s_1, c_{12}, s_{12} for cosines and "
              "sines named like functions, align* with two chains per row side by side, a determinant chain over four &= rows, a "
              "velocity chain continued on a second row, \\[...\\] with two chains separated by \\qquad, a pmatrix, units in \\text): "
              "forward kinematics of a two-link planar arm in full and in shorthand; the reach by the law of cosines; the four Jacobian "
              "entries (-y and x among them); det J = l_1 l_2 sin theta_2; the hand velocity by the chain rule in time and its squared "
              "speed; the configuration theta = (pi/4, pi/2) with l_1 = l_2 = 1: position, Jacobian, determinant, velocity and speed "
              "for joint rates (1, -1)",
        notation=["x &= l_1\\cos\\theta_1 + l_2\\cos(\\theta_1 + \\theta_2) = l_1c_1 + l_2c_{12}",
                  "x^2 + y^2 = l_1^2 + l_2^2 + 2l_1l_2(c_1c_{12} + s_1s_{12}) = l_1^2 + l_2^2 + 2l_1l_2\\cos\\theta_2",
                  "\\pdd{x}{\\theta_1} &= -l_1s_1 - l_2s_{12} = -y",
                  "&= l_1l_2(s_{12}c_1 - s_1c_{12})\\\\",
                  "&= -l_1s_1\\thd1 - l_2s_{12}(\\thd1 + \\thd2)",
                  "\\det J = \\sqrt2\\cdot\\frac{\\sqrt2}{2} - 0 = 1 = l_1l_2\\sin\\frac{\\pi}{2}"],
        notes="Definitions (2): x and y (first links). Jacobian entries are sympy.diff of the forward map, det J is Matrix.det of the "
              "Jacobian; time derivatives are sympy.diff in t of the forward map along joint trajectories theta_i(t) = a_i + b_i t + "
              "c_i t^2 with random coefficients (so the chain rule is checked, not assumed); the worked velocity is the derivative "
              "along theta = (pi/4 + s, pi/2 - s) at s = 0. Numbers exact: theta = (pi/4, pi/2), l_1 = l_2 = 1, rates (1, -1)."),
    "planar_arm_cheatsheet.md": dict(
        family=F["arm"],
        style="Markdown cheat sheet (# title, a notation paragraph, --- rules, bold run-in headings FK, R, J, det J, v, IK, displays "
              "indented inside bulleted list items, pmatrix vectors and 2x2 matrices (a vector equal to a vector equal to a vector), "
              "\\mathbf{p} and \\|\\mathbf{v}\\|, J^{-1} times a vector, \\qquad between chains, \\Bigl( \\Bigr), \\tfrac inside "
              "\\frac, units in \\text, a numbered pitfalls list, \\approx after a chain): forward kinematics as a vector, the reach, "
              "the Jacobian in full and with -y and x, det J, the inverse Jacobian, hand velocity by d/dt, the elbow angle from the "
              "law of cosines, inverse velocity and the elbow-rate formula; a worked example l_1 = 2, l_2 = 1 at theta = (pi/4, pi/2): "
              "position, Jacobian, determinant 2, IK check, velocity for rates (0.5, 1), speed sqrt13/2, back through the inverse",
        notation=["\\mathbf{p}(\\theta) = \\begin{pmatrix} x \\\\ y \\end{pmatrix}",
                  "\\det J = -y\\,l_2\\cos(\\theta_1 + \\theta_2) + x\\,l_2\\sin(\\theta_1 + \\theta_2)",
                  "J^{-1} = \\frac{1}{l_1l_2\\sin\\theta_2}\\begin{pmatrix} l_2\\cos(\\theta_1 + \\theta_2) & l_2\\sin(\\theta_1 + \\theta_2) \\\\ -x & -y \\end{pmatrix}",
                  "\\dot\\theta_2 = \\frac{-x\\,\\dot x - y\\,\\dot y}{l_1l_2\\sin\\theta_2}",
                  "\\frac{x^2 + y^2 - l_1^2 - l_2^2}{2l_1l_2} = \\frac{\\frac12 + \\frac92 - 4 - 1}{4} = 0 = \\cos\\frac{\\pi}{2}",
                  "\\|\\mathbf{v}\\| = \\sqrt{\\frac{50}{16} + \\frac{2}{16}} = \\frac{\\sqrt{52}}{4} = \\frac{\\sqrt{13}}{2}"],
        notes="Definitions (3): p(theta), the vector (x, y) (first two links) and J(theta) (first link). Matrices and vectors are compared "
              "entry by entry; the Jacobian is sympy's jacobian of the forward map, its inverse Matrix.inv; velocities are sympy.diff "
              "in t along random quadratic joint trajectories; the worked velocity is the derivative along theta = (pi/4 + s/2, "
              "pi/2 + s) at s = 0. Numbers exact: l_1 = 2, l_2 = 1, theta = (pi/4, pi/2), rates (0.5, 1) (decimals as exact rationals)."),
    "entropy_channel_solutions.tex": dict(
        family=F["info"],
        style="LaTeX homework solutions (a header line with \\hfill and \\rule, \\section* per problem, macros \\KL with two arguments, "
              "\\eps and \\half, equation with \\tag{1.0}-style tags and \\notag rows in align, \\textup{(1.1)} references, an "
              "enumerate with bold Case 1 / Case 2 labels and a display inside an item, an evaluation bar \\big|_{p = 1/2} and "
              "\\Big|_{r = p}, \\tfrac, \\log_2 next to \\ln, \\approx after chains, a marking note): the binary entropy in bits and "
              "with natural logs, H' = log_2((1 - p)/p), H'', H(1/2) = 1; the BSC: q, H(Y | X), I = H(q) - H(eps), dI/dp by the chain "
              "rule, q - 1/2 = (p - 1/2)(1 - 2 eps), the capacity 1 - H(eps), numbers at eps = 1/4; the Bernoulli KL, its first and "
              "second derivatives in p and its curvature in r at r = p (Fisher information); cross-entropy = entropy (in nats) + KL, "
              "numbers for a fair coin modelled as Bern(1/4)",
        notation=["H(p) = -p\\log_2 p - (1-p)\\log_2(1-p) = -\\frac{p\\ln p + (1-p)\\ln(1-p)}{\\ln 2}",
                  "&= \\frac{1}{\\ln 2}\\ln\\frac{1-p}{p} = \\log_2\\frac{1-p}{p}, \\tag{1.1}",
                  "\\frac{dI}{dp} = H'(q)\\,\\frac{dq}{dp} = (1 - 2\\eps)\\log_2\\frac{1-q}{q}",
                  "C = I(X;Y)\\big|_{p = 1/2} = H\\bigl(\\half\\bigr) - H(\\eps) = 1 - H(\\eps)",
                  "\\frac{\\partial^2 D}{\\partial r^2}\\Big|_{r = p} = \\frac{p}{p^2} + \\frac{1-p}{(1-p)^2} = \\frac{1}{p(1-p)}",
                  "= H(p)\\ln 2 + \\KL{p}{r}"],
        notes="Definitions (5): H(p), q, C, D(p || r) and H(p, r) (first links). Entropies, divergences and cross-entropies are written "
              "as sums over the two outcomes (log base 2 as log(.)/log 2); the mutual information is computed from the joint law of "
              "(X, Y) for the BSC; derivatives are sympy.diff; the capacity is I at the input found by sympy.solve of q = 1/2 (the text's "
              "argument). Numbers exact: eps = 1/4; p = 1/2, r = 1/4."),
    "bits_nats_course_page.md": dict(
        family=F["info"],
        style="Markdown course web page (YAML front matter with layout/title/course/permalink/katex, a navigation line of links, a bold "
              "notation paragraph, ## numbered sections 5.1-5.4, single-line $$...$$ displays, \\star as a binary operation p * eps, "
              "\\tfrac, \\big\\| inside D(. || .), p^X(1 - p)^{1 - X} inside a log inside a squared expectation, italic example labels, "
              "a check-yourself question, \\approx after chains, \\log_2 and \\ln): h(p) and its slope through the natural-log version; "
              "h'(1/2) = 0 and h(1/2) = 1; the BSC output probability p * eps, I = h(p * eps) - h(eps), dI/dp, 1/2 * eps = 1/2, the "
              "capacity 1 - h(eps) and its value at eps = 1/8; the Bernoulli KL in bits, its first and second derivatives in q and the "
              "curvature at q = p; the Fisher information 1/(p(1 - p)) from the score; cross-entropy = entropy + KL with numbers p = 1/4, "
              "q = 1/2",
        notation=["\\frac{d}{dp}\\bigl[-p\\ln p - (1 - p)\\ln(1 - p)\\bigr] = -\\ln p - 1 + \\ln(1 - p) + 1 = \\ln\\frac{1 - p}{p}",
                  "p \\star \\epsilon = p(1 - \\epsilon) + (1 - p)\\epsilon = \\epsilon + p(1 - 2\\epsilon)",
                  "\\frac{\\partial I}{\\partial p} = h'(p \\star \\epsilon)\\,(1 - 2\\epsilon)",
                  "\\tfrac38 + \\tfrac78\\bigl(3 - \\log_2 7\\bigr) = 3 - \\tfrac78\\log_2 7",
                  "J(p) = \\mathbb{E}\\Bigl[\\Bigl(\\frac{\\partial}{\\partial p}\\ln p^X(1 - p)^{1 - X}\\Bigr)^2\\Bigr]",
                  "D\\bigl(\\tfrac14\\,\\big\\|\\,\\tfrac12\\bigr) = \\tfrac14\\log_2\\tfrac12 + \\tfrac34\\log_2\\tfrac32 = \\tfrac34\\log_2 3 - 1"],
        notes="Definitions (6): h(p), p * eps, C(eps), D(p || q), J(p) and H(p, q) (first links). Entropies, divergences and "
              "cross-entropies as sums over the two outcomes; the mutual information from the joint law of the BSC; the capacity is I "
              "at the input found by sympy.solve of p * eps = 1/2; the Fisher information is the expectation over X in {0, 1} of the "
              "squared sympy.diff of the log-likelihood. Numbers exact: eps = 1/8; p = 1/4, q = 1/2."),
    "lagrange_utility_handout.tex": dict(
        family=F["lagr"],
        style="LaTeX tutorial handout (\\maketitle with \\\\[2pt] and \\large in the title, one numbered equation per step with \\label "
              "and \\eqref, macros \\Lag, \\px, \\py, first-order conditions written '... = 0' that hold only at the optimum, \\left( "
              "\\right) powers, a chain over three lines inside one equation, \\qquad between two chains, equation* for numbers, "
              "\\sqrt[3]{2}, an evaluation bar \\Big|_{k = 9}, \\approx after chains): Cobb-Douglas x^a y^{1-a} under p_x x + p_y y = m: "
              "the Lagrangian, the two first-order conditions, the MRS = price ratio, the tangency and budget steps, the demands "
              "am/p_x and (1 - a)m/p_y, lambda* in three forms, the indirect utility, the envelope theorem dV/dm = lambda*; numbers "
              "a = 1/3, p = (2, 1), m = 30 (x* = 5, y* = 20, V = 10 cbrt 2, lambda* = cbrt2/3); a quadratic cost x^2 + 2y^2 on the "
              "line x + y = k: conditions, C* = 54, C*(k) = 2k^2/3 and dC*/dk = 12 = mu*",
        notation=["\\frac{\\partial\\Lag}{\\partial x} = a x^{a-1}y^{1-a} - \\lambda\\px = 0",
                  "\\frac{a x^{a-1}y^{1-a}}{(1-a)x^a y^{-a}} = \\frac{a}{1-a}\\cdot\\frac{y}{x} = \\frac{\\px}{\\py}",
                  "m = \\px x + \\frac{1-a}{a}\\,\\px x = \\frac{\\px x}{a}",
                  "= \\frac{a}{\\px}\\left(\\frac{(1-a)\\px}{a\\,\\py}\\right)^{1-a}",
                  "V = 5^{1/3}\\,20^{2/3} = (5\\cdot 400)^{1/3} = 10\\sqrt[3]{2}",
                  "\\frac{dC^*}{dk}\\Big|_{k = 9} = \\frac{4\\cdot 9}{3} = 12 = \\mu^*"],
        notes="Definitions (3): the two Lagrangians and V(p_x, p_y, m) (first links). The optimum is found independently of the text: "
              "the demand of x by sympy.solve of the derivative of a log x + (1 - a) log y along the budget line, y from the budget, "
              "lambda* from the condition in x; links that hold only at the optimum (the '= 0' of the conditions, MRS = price ratio, "
              "tangency, the budget substitution) are checked in the context at the optimum, every other link also at a generic point; "
              "the quadratic-cost optimum is sympy.solve of the linear first-order system. Numbers exact: a = 1/3, p_x = 2, p_y = 1, "
              "m = 30; k = 9."),
    "consumer_choice_study_group.md": dict(
        family=F["lagr"],
        style="Markdown study-group notes (# title with week, italic attendance line, a conventions bullet list, ## sections named after "
              "the speaker, single-line $$...$$ displays, \\mathcal{L} with lambda(...) and mu(...) multiplying brackets, I as income "
              "(not an integral), p_xx and p_yy juxtaposed, conditions that hold only at the optimum, a tuple equal to a tuple, an "
              "evaluation bar \\Big|_{c = 25}, a bold TODO): ln U, the log Lagrangian, the conditions alpha/x = lambda p_x and "
              "(1 - alpha)/y = lambda p_y, their weighted sum 1 = lambda I, lambda = 1/I, the demands; the indirect log-utility v(I) and "
              "dv/dI = lambda; the multiplier of U itself lambda_U = dV/dI = V/I = V lambda; numbers alpha = 1/2, p = (4, 1), I = 16 "
              "(x = 2, y = 8, U = 4, lambda_U = 1/4, V(17) - V(16) = 1/4); the closest point of 3x + 4y = 25 to the origin (mu = 2, "
              "(3, 4), C* = 25, C*(c) = c^2/25, dC*/dc = 2 = mu)",
        notation=["\\mathcal{L} = \\alpha\\ln x + (1 - \\alpha)\\ln y + \\lambda(I - p_xx - p_yy)",
                  "1 = \\alpha + (1 - \\alpha) = \\lambda(p_xx + p_yy) = \\lambda I",
                  "x = \\frac{\\alpha}{\\lambda p_x} = \\frac{\\alpha I}{p_x}",
                  "\\lambda_U = \\frac{dV}{dI} = \\frac{V}{I} = V\\lambda",
                  "3\\cdot\\frac{3\\mu}{2} + 4\\cdot 2\\mu = \\frac{9\\mu}{2} + 8\\mu = \\frac{25\\mu}{2}",
                  "(x, y) = \\Bigl(\\frac{3\\cdot 2}{2},\\ 2\\cdot 2\\Bigr) = (3, 4)"],
        notes="Definitions (3): the two Lagrangians and v(I) (first link). The optimum of the consumer problem from sympy.solve of the "
              "derivative of the log-utility along the budget line; the log multiplier from the condition in x of the log problem and "
              "lambda_U from the condition in x of the U problem; links stated at the optimum (the two conditions, the weighted sum, "
              "lambda = 1/I, the demands) are checked there, the others also at a generic point; the closest point from the linear "
              "first-order system. Numbers exact: alpha = 1/2, p_x = 4, p_y = 1, I = 16 and 17; c = 25."),
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
