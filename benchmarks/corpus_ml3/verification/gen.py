#!/usr/bin/env python3
"""Write the planted copies and MANIFEST.json of corpus_ml3.

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
    "softmax": "softmax_jacobian",
    "xent": "softmax_cross_entropy",
    "logreg": "logistic_regression_bce_w_b",
    "ls": "least_squares",
    "gauss": "gaussian_loglik_mu_sigma",
    "mle": "exponential_bernoulli_mle",
    "var": "variance_covariance_identities",
    "bp": "backprop_one_neuron",
    "two": "two_layer_composition",
    "act": "sigmoid_tanh_derivatives",
    "int": "definite_integral",
    "series": "series_partial_sum",
    "kl": "kl_divergence_gaussians",
}

META = {
    "softmax_jacobian_handout.tex": dict(
        family=F["softmax"],
        style="LaTeX lecture handout: \\newcommand{\\pd}[2] partial-derivative macro, align with \\nonumber/\\label and \\eqref, "
              "separate diagonal and off-diagonal displays, column-sum check, vector-Jacobian product in an align*",
        notation=["\\pd{p_i}{z_j}", "S (normaliser named in prose)", "\\delta_{ij}", "\\sum_{i=1}^{K}", "\\sum_i", "(J^{\\top}\\mathbf{g})_j",
                  "\\Bigl( \\Bigr)", "0 \\cdot S"],
        notes="Definition (1): p_i = e^{z_i}/sum_k e^{z_k}. S = sum_k e^{z_k} is defined inline only. The off-diagonal \\[...\\] chain "
              "(3 links) is marked '(j \\neq i)' and is false for i = j; the diagonal align is written with z_i in both places. "
              "The column-sum display ends in 'p_j - p_j = 0'."),
    "softmax_jacobian_answer.md": dict(
        family=F["softmax"],
        style="Markdown Q&A answer: \\( \\) inline math, log-derivative trick, one $$ block per step, a \\[ \\] display in Markdown, "
              "python code fence with '=' (not counted)",
        notation=["\\log a_i", "\\frac{\\partial \\log a_i}{\\partial x_j}", "\\delta_{ij}", "\\sum_k e^{x_k}",
                  "\\operatorname{diag}(\\mathbf{a}) - \\mathbf{a}\\mathbf{a}^{\\top}", "e^{-(x_1 - x_2)}", "a_1 a_2"],
        notes="No definitions (a_i is defined in the question and in prose). The matrix display is an entrywise identity. The K = 2 "
              "displays are checked for two classes only, where 1 - a_1 = a_2."),
    "softmax_xent_solution.tex": dict(
        family=F["xent"],
        style="LaTeX problem-set solution: one-line equation chain with \\Bigl( \\Bigr), align* with an '&& \\text{(...\\eqref...)}' "
              "annotation, last-layer weight gradient W_{ji}, \\[ \\] remarks",
        notation=["L = -\\sum_{k=1}^{K} y_k \\log p_k", "\\log \\sum_{m=1}^{K} e^{z_m}", "\\delta_{kj}", "W_{ji}", "h_i",
                  "\\frac{\\partial L}{\\partial b_j}", "1 - 1"],
        notes="Definitions (2): L = ..., z_k = sum_i W_{ki} h_i + b_k. The hypothesis sum_k y_k = 1 is stated in prose only; the third "
              "link of the loss chain (dropping the factor (sum_k y_k)) and '\\sum_j p_j - \\sum_j y_j = 1 - 1' need it (checked with "
              "y_K = 1 - sum of the others). d = 2 hidden features."),
    "softmax_xent_blog.md": dict(
        family=F["xent"],
        style="Markdown blog post: \\begin{align*} written directly in the Markdown (5-link chain), \\ln, worked numeric example with "
              "e^{\\ln 3}, torch code fence",
        notation=["L = -\\sum_k y_k \\ln p_k", "\\frac{\\partial L}{\\partial p_k}", "\\left( -\\frac{y_k}{p_k} \\right)",
                  "p_k (\\delta_{kj} - p_j)", "\\sum_k y_k", "e^{\\ln 3}"],
        notes="Definition (1): L. The hypothesis sum_k y_k = 1 is stated in prose; the last link '-y_j + p_j sum_k y_k = p_j - y_j' "
              "needs it. dL/dp_k treats the p_k as free variables (as the text says). Numeric example: K = 2, z = (0, ln 3), y = (1, 0)."),
    "logreg_lecture.tex": dict(
        family=F["logreg"],
        style="LaTeX lecture notes: two definitions in one equation (\\qquad), align with \\nonumber/\\label, a one-line 3-link "
              "equation, align rows with two '=', vector form with \\sigma applied entrywise",
        notation=["\\mathbf{w}^{\\top} \\mathbf{x}_i + b", "\\hat{y}_i", "\\ell_i", "\\log\\bigl(1 + e^{-z_i}\\bigr)",
                  "\\frac{d \\ell_i}{d z_i}", "x_{ij}", "J(\\mathbf{w}, b)", "\\nabla_{\\mathbf{w}} J",
                  "\\sigma(X\\mathbf{w} + b\\mathbf{1})"],
        notes="Definitions (4): z_i, \\hat{y}_i, \\ell_i, J. Checked with d = 2 features and N = 1..4 examples; the vector link is "
              "entrywise."),
    "bce_chain_rule_blog.md": dict(
        family=F["logreg"],
        style="Markdown blog post with YAML front matter: \\cdot products, three-factor chain rule, \\begin{align*} directly in "
              "Markdown holding two one-link chains, numbers with \\tfrac",
        notation=["L(\\hat{y}, y)", "\\big[ \\big]", "\\frac{\\partial L}{\\partial \\hat{y}} \\cdot \\frac{d\\hat{y}}{dz} \\cdot \\frac{\\partial z}{\\partial w}",
                  "\\hat{y}^{(i)}", "x^{(i)}", "\\frac{1}{m} \\sum_{i=1}^{m}", "\\left(\\tfrac{1}{2} - 1\\right)"],
        notes="Definitions (2): L(\\hat{y}, y), J. z = wx + b and \\hat{y} = \\sigma(z) are defined in prose. The dL/d\\hat{y} chain treats "
              "\\hat{y} as a free variable in (0, 1); the w and b chains use \\hat{y} = \\sigma(wx + b). m = 1..4."),
    "least_squares_notes.tex": dict(
        family=F["ls"],
        style="LaTeX course notes: align with \\nonumber/\\label, \\Bigl( \\Bigr), equation*, align* with a row holding two '=', "
              "worked example with two chains separated by \\qquad",
        notation=["E(w, b)", "\\sum_{i=1}^{n}", "\\bar{x}", "\\bar{y}", "\\hat{b}", "\\hat{w}", "-2n (\\bar{y} - w\\bar{x} - b)",
                  "x_i^2 - n\\bar{x}^2"],
        notes="Definitions (3): E(w, b), \\hat{b} = \\bar{y} - w\\bar{x}, \\hat{w} = .... The means are defined inline. The \\hat{w} "
              "definition is checked for n = 2..4; everything else for n = 1..4. The example uses the data (0,1), (1,3), (2,5)."),
    "normal_equations_answer.md": dict(
        family=F["ls"],
        style="Markdown Q&A answer: coordinates X_{ij}, \\begin{align*} directly in Markdown, \\lVert \\rVert_2^2, \\Big( \\Big), "
              "matrix identities read entrywise",
        notation=["\\lVert X\\mathbf{w} - \\mathbf{y} \\rVert_2^2", "X_{ij} w_j", "\\big( X^{\\top} X \\mathbf{w} - X^{\\top} \\mathbf{y} \\big)_k",
                  "\\nabla_{\\mathbf{w}} J", "(X^{\\top} X)^{-1} X^{\\top} \\mathbf{y}", "\\mathbf{0}", "\\frac{\\mathbf{x}^{\\top}\\mathbf{y}}{\\mathbf{x}^{\\top}\\mathbf{x}}"],
        notes="Definitions (2): J(w), w^*. Checked with d = 2 columns and n = 1..4 rows (w^* and the gradient-at-w^* chain for "
              "n = 2..4, where X^T X is invertible); vector links entrywise. The one-dimensional w^* chain uses a single column x."),
    "gaussian_mle_notes.tex": dict(
        family=F["gauss"],
        style="LaTeX lecture notes: equation + aligned with the \\label after \\end{aligned}, align with \\nonumber/\\label, "
              "\\newcommand{\\xbar}, \\left. \\right|_{\\hat{\\mu}, \\hat{\\sigma}} evaluation bar",
        notation=["\\ell(\\mu, \\sigma)", "\\log\\left[ \\right]", "\\tfrac{1}{2}\\log(2\\pi)", "\\xbar", "\\hat{\\sigma}^2",
                  "\\frac{\\partial^2 \\ell}{\\partial \\sigma^2}", "\\sigma standard deviation (stated)"],
        notes="Definitions (3): \\ell(\\mu, \\sigma), \\hat{\\mu} = \\xbar, \\hat{\\sigma}^2. The evaluation-bar display needs n >= 2 "
              "and data not all equal (stated); checked for n = 2..4."),
    "gaussian_nll_blog.md": dict(
        family=F["gauss"],
        style="Markdown blog post: \\ln, \\mid, \\[ \\] displays in Markdown, a 4-link $$ chain for the log-std parametrisation "
              "s = \\ln\\sigma",
        notation=["p(x \\mid \\mu, \\sigma)", "-\\ln p(x \\mid \\mu, \\sigma)", "\\frac{\\partial \\ell}{\\partial s}",
                  "\\frac{d\\sigma}{ds}", "e^{-2s}", "\\frac{\\partial \\ell_i}{\\partial \\mu}"],
        notes="Definition (1): the density p(x | mu, sigma). \\ell is named in prose. The s-chain is checked with sigma = e^s."),
    "exponential_mle_notes.tex": dict(
        family=F["mle"],
        style="LaTeX worked example: \\prod, \\Bigl( \\Bigr), \\ln, \\left. \\right|_{\\lambda = \\hat{\\lambda}}, \\[ \\] "
              "inside an enumerate, Fisher information",
        notation=["L(\\lambda) = \\prod_{i=1}^{n} \\lambda e^{-\\lambda x_i}", "\\lambda^n \\exp\\Bigl( \\Bigr)", "\\ell(\\lambda) = \\ln L(\\lambda)",
                  "\\hat{\\lambda}", "\\frac{1}{\\bar{x}}", "\\hat{\\theta}", "I(\\lambda) = -\\mathbb{E}\\left[ \\right]"],
        notes="Definitions (5): L(\\lambda), \\ell(\\lambda), \\hat{\\lambda}, \\hat{\\theta}, I(\\lambda). The '=' in the subscript "
              "\\right|_{\\lambda = \\hat{\\lambda}} is not a link. x_i > 0, lambda > 0; n = 1..4."),
    "bernoulli_mle_qa.md": dict(
        family=F["mle"],
        style="Markdown Q&A (quoted question, accepted answer): \\prod, sufficient statistic s, one $$ per step, decimal 0.7",
        notation=["p^{x_i} (1 - p)^{1 - x_i}", "p^{s} (1 - p)^{n - s}", "\\frac{d}{dp} \\log L(p)", "\\hat{p}",
                  "\\frac{d^2}{dp^2}", "0.7"],
        notes="Definitions (2): L(p), \\hat{p} = s/n. s = sum x_i is defined in prose; 0 < s < n and 0 < p < 1 are stated. Checked "
              "with x_i in (0, 1) so that 0 < s < n; n = 1..4."),
    "variance_identities_notes.tex": dict(
        family=F["var"],
        style="LaTeX review sheet: \\newcommand{\\E}, \\newcommand{\\Var}, \\newcommand{\\Cov}; align with \\label/\\nonumber, "
              "align* with '&& \\text{by \\eqref{...}}', \\big[ \\big], \\E X without brackets",
        notation=["\\Var(X)", "\\Cov(X, Y)", "\\E\\big[(X - \\mu)^2\\big]", "\\E X", "2\\mu\\,\\E[X]", "\\Var(aX + b)"],
        notes="Definitions (2): Var(X) = E[(X - mu)^2], Cov(X, Y) = E[(X - E X)(Y - E Y)]. mu = E[X] in prose."),
    "covariance_answer.md": dict(
        family=F["var"],
        style="Markdown forum answer: $$ + aligned, \\begin{align*} directly in Markdown, one long 3-link $$ line, \\mathrm{Var} "
              "and \\operatorname{Cov} mixed, fair-die arithmetic",
        notation=["\\operatorname{Cov}(X, Y)", "\\mathrm{Var}(aX + bY)", "\\mu_X", "\\operatorname{Cov}(aX + bY,\\, aX + bY)",
                  "\\frac{X}{\\sigma_X} - \\frac{Y}{\\sigma_Y}", "2 - 2\\rho", "\\frac{182 - 147}{12}"],
        notes="Definition (1): the Cov display. sigma_X, sigma_Y, rho are defined in prose (sigma_X = sqrt(Var X) > 0). The die "
              "display is exact rational arithmetic."),
    "neuron_backprop_notes.tex": dict(
        family=F["bp"],
        style="LaTeX tutorial solution: three definitions in one equation, Leibniz chain in an align with \\label, \\delta \\equiv, "
              "three one-link equations in one \\[ \\], decimal forward pass",
        notation=["\\frac{\\partial L}{\\partial a} \\frac{\\partial a}{\\partial z} \\frac{\\partial z}{\\partial w_1}",
                  "\\sigma(z)\\bigl(1 - \\sigma(z)\\bigr)", "\\delta \\equiv \\frac{\\partial L}{\\partial z}", "\\tfrac{1}{2}(a - y)^2",
                  "0.5 \\cdot 1 + (-0.25) \\cdot 2 + 0", "-\\tfrac{1}{8}"],
        notes="Definitions (3): z, a = sigma(z), L. '\\equiv' is not a link: '\\delta \\equiv \\partial L/\\partial z' is one "
              "expression. The numeric displays re-use z and a for their values at the given point."),
    "tanh_neuron_blog.md": dict(
        family=F["bp"],
        style="Markdown blog post: total-derivative Leibniz notation dL/dw, \\operatorname{sech}^2, numeric check, batch sum",
        notation=["\\frac{dL}{dh} \\, \\frac{dh}{du} \\, \\frac{du}{dw}", "\\tanh u", "1 - h^2", "\\operatorname{sech}^2 u",
                  "\\frac{\\partial}{\\partial w} \\sum_{i=1}^{N}", "0^2"],
        notes="Definitions (4): u = wx + b, h = tanh u, L = (h - t)^2, \\delta = dL/du. N = 1..4 for the batch display."),
    "two_layer_net_notes.tex": dict(
        family=F["two"],
        style="LaTeX section notes: four definitions in a two-column align*, align rows with two '=', four-factor chain rule, "
              "\\sigma'(a_k), \\sum_k without bounds",
        notation=["\\sum_{i} W_{ki} x_i + b_k", "\\sum_{k} v_k h_k + c", "\\frac{\\partial L}{\\partial W_{ki}}", "\\sigma'(a_k)",
                  "\\delta_k", "\\sum_{k} \\delta_k W_{ki}"],
        notes="Definitions (5): a_k, h_k, \\hat{y}, L, \\delta_k. Checked with d = 2 inputs, H = 1..3 hidden units and every (k, i)."),
    "two_layer_composition_blog.md": dict(
        family=F["two"],
        style="Markdown blog post: four definitions in one $$ (\\quad), \\begin{align*} directly in Markdown, a chain continued "
              "in a second $$ block starting with '=', prime notation \\sigma'(z_1)",
        notation=["\\frac{\\partial L}{\\partial \\hat{y}} \\cdot \\frac{\\partial \\hat{y}}{\\partial a_1} \\cdot \\frac{\\partial a_1}{\\partial z_1} \\cdot \\frac{\\partial z_1}{\\partial w_1}",
                  "\\sigma'(z_1)", "a_1 (1 - a_1)", "2(\\hat{y} - y)", "\\tfrac{1}{2}"],
        notes="Definitions (4): z_1, a_1, \\hat{y}, L. The numeric display uses x = 2, w_1 = 0.5, b_1 = -1, w_2 = 2, b_2 = 0, y = 0."),
    "activation_derivatives_notes.tex": dict(
        family=F["act"],
        style="LaTeX appendix: \\dfrac, \\left( \\right)^{-1}, 4-link align with \\label, a 4-link one-line equation, align* with "
              "'&& \\text{(chain rule on \\eqref{...})}'",
        notation=["\\sigma'(x)", "\\frac{d}{dx} \\left(1 + e^{-x}\\right)^{-1}", "\\sigma(-x)", "2\\sigma(2x) - 1", "4\\sigma'(2x)",
                  "\\bigl(1 + \\tanh x\\bigr)\\bigl(1 - \\tanh x\\bigr)", "1 - \\tanh^2 x"],
        notes="Definition (1): sigma(x) = 1/(1 + e^{-x}) (the second form in that display is an identity)."),
    "sigmoid_tanh_derivative_answer.md": dict(
        family=F["act"],
        style="Markdown Q&A answer: \\[ \\] displays in Markdown, implicit differentiation with y', quotient rule for "
              "\\sinh/\\cosh, second derivatives \\sigma''",
        notation=["y'", "-\\frac{y'}{y^2}", "y(1 - y)", "\\frac{d}{dx} \\frac{\\sinh x}{\\cosh x}", "\\cosh^2 x", "\\sigma''(x)",
                  "\\tfrac{1}{2} \\cdot \\tfrac{1}{2}"],
        notes="Definition (1): y = 1/(1 + e^{-x}). y' is dy/dx (stated)."),
    "exponential_moments_notes.tex": dict(
        family=F["int"],
        style="LaTeX calculus refresher: integration by parts with improper integrals, \\Bigl[ \\Bigr]_0^\\infty brackets, align* "
              "chains for E[X] and E[X^2]",
        notation=["\\int_0^\\infty x \\, \\lambda e^{-\\lambda x} \\, dx", "\\Bigl[ -x e^{-\\lambda x} \\Bigr]_0^\\infty", "\\mathbb{E}[X^2]",
                  "\\operatorname{Var}(X)", "P(X \\le t)", "\\Bigl[ -e^{-\\lambda x} \\Bigr]_0^t"],
        notes="Definitions (3): E[X] = int ..., E[X^2] = int ..., P(X <= t) = int .... lambda > 0. Integrals with sympy.integrate, "
              "brackets at infinity with sympy.limit."),
    "definite_integrals_blog.md": dict(
        family=F["int"],
        style="Markdown reference post: \\Big[ \\Big]_a^b brackets, by parts for \\ln x, fundamental theorem with \\sigma, "
              "\\[ \\] and $$ displays mixed",
        notation=["\\int_0^2 (3x^2 - 2x)\\, dx", "\\Big[ x \\ln x \\Big]_1^e", "\\int_1^e x \\cdot \\frac{1}{x} \\, dx",
                  "\\Big[ \\sigma(x) \\Big]_0^1", "\\ln(1 + e^{t}) - \\ln 2", "\\int_{-\\infty}^{\\infty} e^{-x^2/2}\\, dx"],
        notes="No definitions. The sigmoid integrals are evaluated numerically (sympy Integral); the others exactly."),
    "arithmetic_series_handout.tex": dict(
        family=F["series"],
        style="LaTeX handout: \\dots, Gauss pairing in an align*, one-line 3-link equations, telescoping cubes, \\tfrac inside "
              "a fraction",
        notation=["S_n = \\sum_{k=1}^{n} k", "1 + 2 + \\dots + n", "\\sum_{k=0}^{n-1} (a + kd)", "d\\,\\frac{(n-1)n}{2}",
                  "\\bigl[(k+1)^3 - k^3\\bigr]", "\\frac{n(n+1)(2n+1)}{6}"],
        notes="Definition (1): S_n. Checked for n = 1..6 explicitly and for symbolic n (sympy Sum)."),
    "weighted_geometric_answer.md": dict(
        family=F["series"],
        style="Markdown Q&A answer: differentiating a finite geometric sum, a 4-link $$ line, shift trick T_n - r T_n, "
              "\\tfrac arithmetic check, discounted return",
        notation=["\\sum_{k=1}^{n} k r^{k-1}", "\\frac{d}{dr} \\sum_{k=0}^{n} r^k", "\\frac{1 - (n+1) r^n + n r^{n+1}}{(1 - r)^2}",
                  "T_n - r T_n", "\\sum_{t=0}^{T-1} \\gamma^t"],
        notes="No definitions (T_n is named in prose). r != 1 is stated. Checked for n, T = 1..6."),
    "kl_gaussians_notes.tex": dict(
        family=F["kl"],
        style="LaTeX note: definition + expectation in one equation, two one-link equations in one \\[ \\], align with "
              "\\nonumber/\\label, VAE special case, gradients",
        notation=["D_{\\mathrm{KL}}(p \\,\\|\\, q)", "\\mathbb{E}_{p}\\left[ \\right]", "\\log\\frac{\\sigma_2}{\\sigma_1}",
                  "\\mathcal{N}(\\mu, \\sigma^2)", "\\frac{\\partial}{\\partial \\mu} D_{\\mathrm{KL}}", "\\log 1"],
        notes="Definition (1): D_KL(p || q) = int p log(p/q). The integral is evaluated with sympy.integrate; E_p by the Gaussian "
              "moments E[X] = mu_1, E[X^2] = sigma_1^2 + mu_1^2. sigma_1, sigma_2 > 0."),
    "vae_kl_blog.md": dict(
        family=F["kl"],
        style="Markdown blog post: \\mathcal{L}_{\\mathrm{KL}}, \\sum_{j=1}^{J} over latent dimensions, log-variance v_j, "
              "\\begin{align*} directly in Markdown, reparametrisation with \\mathbb{E} and \\operatorname{Var}",
        notation=["D_{\\mathrm{KL}}\\left( \\mathcal{N}(\\mu, \\sigma^2) \\,\\|\\, \\mathcal{N}(0, 1) \\right)", "\\mathcal{L}_{\\mathrm{KL}}",
                  "e^{v_j}", "\\frac{\\partial \\mathcal{L}_{\\mathrm{KL}}}{\\partial v_j}", "\\mathbb{E}[\\epsilon]", "\\operatorname{Var}(\\epsilon)"],
        notes="Definition (1): \\mathcal{L}_{KL}. v_j = ln sigma_j^2 (prose); J = 1..4. The KL closed form is checked against "
              "sympy.integrate; E and Var of z = mu + sigma*epsilon with sympy.stats."),
}


def main(argv):
    symbolic = "--fast" not in argv
    docs = all_docs()
    assert len(docs) == 26 and set(d.file for d in docs) == set(META)
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
