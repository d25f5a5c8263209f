#!/usr/bin/env python3
"""Write the 16 planted copies and MANIFEST.json of corpus_ml2.

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
    "lse": "logsumexp_gradient",
    "logreg": "logistic_regression_gradient_w_b",
    "mse": "least_squares_mse_w_b",
    "ridge": "ridge_l2_gradient",
    "gauss": "gaussian_loglik_mu_sigma",
    "mle": "poisson_bernoulli_mle",
    "var": "variance_covariance_identities",
    "bp": "backprop_one_neuron",
    "int": "definite_integral",
    "series": "series_partial_sum",
}

META = {
    "softmax_jacobian_lecture.tex": dict(
        family=F["softmax"],
        style="LaTeX lecture notes: equation/align with \\label, \\nonumber and \\eqref; quotient rule; separate diagonal and off-diagonal displays",
        notation=["\\frac{\\partial s_i}{\\partial z_j}", "\\mathbf{z}", "\\sum_{k=1}^{K}", "\\sum_k", "\\delta_{ij}", "\\delta_{kj}",
                  "e^{z_i}", "\\left( \\right)", "\\cdot", "\\operatorname{diag}(\\mathbf{s}) - \\mathbf{s} \\mathbf{s}^{\\top}"],
        notes="Definition (1): s_i = e^{z_i}/sum_k e^{z_k}. The off-diagonal display \\[...\\] (2 links) is marked '(j \\neq i)' "
              "and is false for i = j. The matrix-form link is an entrywise identity; the row-sum display ends in s_i (1 - 1) = 0."),
    "softmax_jacobian_qa.md": dict(
        family=F["softmax"],
        style="Markdown Q&A answer: log-derivative trick, one $$ block per step with prose between, python code fence at the end",
        notation=["\\mathbb{1}[i=j]", "\\frac{\\partial \\log p_i}{\\partial z_j}", "\\exp(z_j)", "\\sum_k", "\\sum_i",
                  "p_i \\left( \\mathbb{1}[i=j] - p_j \\right)", "J^{\\top} \\mathbf{g}"],
        notes="No definitions. The '=' inside the indicator brackets \\mathbb{1}[i=j] is not a link and is not counted. "
              "In the 'two cases' display the second equation holds only for i \\neq j, as its '(i \\neq j)' says. "
              "J_{ij} = \\partial p_i/\\partial z_j is defined in prose; J = diag(p) - pp^T is entrywise."),
    "softmax_xent_pset.tex": dict(
        family=F["xent"],
        style="LaTeX problem-set solution: displayed hypothesis \\sum_k y_k = 1, equation+aligned chain, gradient for the last-layer weights W_{ji}",
        notation=["\\sum_{k=1}^{K} y_k = 1", "\\hat{y}_k", "\\delta_{kj}", "\\frac{\\partial L}{\\partial z_j}", "W_{ji}",
                  "\\frac{\\partial L}{\\partial W_{ji}}", "\\log"],
        notes="Definitions/hypotheses (4): the displayed hypothesis \\sum_{k=1}^{K} y_k = 1, L = ..., \\hat{y}_k = ..., z_k = .... "
              "The last link of the aligned chain (-y_j + \\hat{y}_j \\sum_k y_k = \\hat{y}_j - y_j) needs the hypothesis; it is "
              "verified with y_K = 1 - sum of the others."),
    "softmax_xent_blog.md": dict(
        family=F["xent"],
        style="Markdown blog post: one chain continued across four $$ blocks, each continuation starting with '=', prose between",
        notation=["L = -\\sum_k y_k \\log p_k", "\\sum_m e^{z_m}", "\\left( \\sum_k y_k \\right)", "\\nabla_{\\mathbf{z}} L",
                  "\\frac{\\partial L}{\\partial z_j}"],
        notes="Definition (1): L = -\\sum_k y_k \\log p_k. The hypothesis \\sum_k y_k = 1 is stated only in prose; the link into "
              "'-\\sum_k y_k z_k + \\log \\sum_m e^{z_m}' and the link '\\sum_j p_j - \\sum_j y_j = 1 - 1' need it."),
    "logsumexp_notes.tex": dict(
        family=F["lse"],
        style="LaTeX course notes: align* with an '&& \\text{(chain rule)}' annotation on its own source line, \\operatorname{LSE}, Hessian",
        notation=["\\operatorname{LSE}(\\mathbf{x})", "\\nabla_{\\mathbf{x}}", "\\operatorname{softmax}(\\mathbf{x})_j", "\\delta_{ij}",
                  "\\delta_{jk}", "\\frac{\\partial^2 \\operatorname{LSE}}{\\partial x_k \\, \\partial x_j}", "c\\mathbf{1}"],
        notes="Definition (1): LSE(x) = log sum_i e^{x_i}. The max-trick identity holds for any constant m (the text says so). "
              "The nabla link is entrywise."),
    "logsumexp_answer.md": dict(
        family=F["lse"],
        style="Markdown Q&A answer: temperature-scaled log-sum-exp, long one-line $$ chains",
        notation=["\\partial_{\\theta_j} f_\\tau(\\boldsymbol{\\theta})", "\\partial_\\tau", "\\sum\\limits_{k=1}^{K}", "\\tfrac{1}{\\tau}",
                  "\\exp\\left( \\frac{\\theta_k}{\\tau} \\right)", "e^{c/\\tau}", "\\boldsymbol{\\theta}"],
        notes="Definition (1): f_\\tau. The weights p_k are defined in prose. tau > 0 is stated."),
    "logreg_pset.tex": dict(
        family=F["logreg"],
        style="LaTeX problem-set solution: \\newcommand{\\R}, two definitions in one display, align* rows holding two '=' each, "
              "align with \\nonumber and \\label, \\[...\\] vector form",
        notation=["J(\\mathbf{w}, b)", "\\hat{y}^{(i)}", "x^{(i)}_j", "\\partial_{w_j} J", "\\frac{\\partial J}{\\partial b}",
                  "\\sigma'(t)", "\\sigma\\!\\left( \\mathbf{w}^{\\top}\\mathbf{x}^{(i)} + b \\right)", "\\nabla_{\\mathbf{w}} J",
                  "\\sum_{i=1}^{n}"],
        notes="Definitions (2): J(w, b) and \\hat{y}^{(i)} in the first display. \\ell^{(i)} is defined in prose. "
              "Checked with d = 2 features and n = 1..4 examples."),
    "logreg_blog.md": dict(
        family=F["logreg"],
        style="Markdown blog post: loss rewritten in the logit z, two equations per display separated by \\qquad",
        notation=["\\hat{y}", "\\log\\left(1 + e^{-z}\\right)", "\\frac{\\partial \\ell}{\\partial z}",
                  "\\frac{\\partial \\ell}{\\partial z} \\frac{\\partial z}{\\partial w_1}", "\\nabla_{\\mathbf{w}} L", "(\\hat{y}_i - y_i)\\, \\mathbf{x}_i"],
        notes="Definition (1): the per-example loss \\ell. z and \\hat{y} = \\sigma(z) are defined in prose. The dataset gradient "
              "is entrywise (two features), n = 1..4."),
    "mse_regression_notes.tex": dict(
        family=F["mse"],
        style="LaTeX lecture notes: displayed sample means, align with numbered rows, \\Longrightarrow between a stationarity "
              "condition and \\hat{b}, \\Big( \\Big), \\displaystyle inside a fraction",
        notation=["\\bar{x}", "\\bar{y}", "\\mathcal{L}(w, b)", "\\frac{\\partial \\mathcal{L}}{\\partial w}", "\\hat{y}_i",
                  "\\sum_{i=1}^{n}", "\\hat{b}", "\\hat{w}", "\\displaystyle\\sum"],
        notes="Definitions/hypotheses (6): \\bar{x}, \\bar{y}, \\mathcal{L}, the condition \\partial\\mathcal{L}/\\partial b = 0 "
              "(checked at b = \\hat{b}), \\hat{b}, \\hat{w}."),
    "mse_regression_blog.md": dict(
        family=F["mse"],
        style="Markdown blog post (intro-course style): hypothesis h_\\theta, one $$ per equation, sample-average notation",
        notation=["h_\\theta(x)", "J(\\theta_0, \\theta_1)", "\\partial_{\\theta_j} J", "x^{(i)}", "\\frac{1}{2m} \\sum_{i=1}^{m}",
                  "\\overline{x^2}", "\\overline{xy}", "\\nabla_{\\boldsymbol{\\theta}} J", "X^{\\top}"],
        notes="Definitions (2): h_\\theta(x) and J. \\theta_0 is the bias b and \\theta_1 the weight w (stated). Averages are "
              "defined in prose. The vectorised link is entrywise."),
    "ridge_notes.tex": dict(
        family=F["ridge"],
        style="LaTeX supplementary notes: align*, \\;\\Rightarrow\\;, '> 0' after a link, several features with x_{ij}, matrix form",
        notation=["\\frac{dJ}{dw}", "\\frac{d^2 J}{dw^2}", "\\hat{w}_{\\lambda}", "\\frac{\\lambda}{2} w^2", "x_{ij}", "\\delta_{kj}",
                  "\\frac{\\partial J}{\\partial w_j}", "\\nabla_{\\mathbf{w}} J", "\\left( X^{\\top} X + \\lambda I \\right)"],
        notes="Definitions/hypotheses (4): J(w), dJ/dw = 0 (checked at \\hat{w}_\\lambda), \\hat{w}_\\lambda, J(\\mathbf{w}). "
              "'> 0' is not a link. lambda > 0. Checked with d = 2."),
    "ridge_weight_decay_answer.md": dict(
        family=F["ridge"],
        style="Markdown Q&A answer: quoted question, $$ with aligned, gradient step rewritten as weight decay",
        notation=["L_\\lambda(w, b)", "\\frac{\\partial L_\\lambda}{\\partial w}", "2\\eta\\lambda", "\\frac{\\partial L_0}{\\partial w}",
                  "\\lVert \\mathbf{w} \\rVert^2", "\\nabla_{\\mathbf{w}}", "\\sum_k w_k^2"],
        notes="Definition (1): L_\\lambda. L_0 (lambda = 0) is defined in prose; the bias is not penalised."),
    "gaussian_mle_lecture.tex": dict(
        family=F["gauss"],
        style="LaTeX lecture notes: align with \\label, \\left. ... \\right|_{\\hat{\\mu}, \\hat{\\sigma}} evaluation bars",
        notation=["\\ell(\\mu, \\sigma)", "\\frac{\\partial \\ell}{\\partial \\mu}", "\\frac{\\partial \\ell}{\\partial \\sigma}",
                  "\\sigma standard deviation", "\\bar{x}", "\\hat{\\mu}", "\\hat{\\sigma}^2", "\\frac{d}{d\\sigma} \\sigma^{-2}",
                  "\\log (2\\pi)"],
        notes="Definitions (4): \\ell(\\mu,\\sigma) = sum log[...], \\hat{\\mu} = \\bar{x}, \\bar{x} = ..., \\hat{\\sigma}^2 = .... "
              "The second-derivative display needs n >= 2 and data not all equal (stated); checked for n = 2..4."),
    "gaussian_mle_blog.md": dict(
        family=F["gauss"],
        style="Markdown blog post: \\ln, a $$ continuation starting with '=', \\;\\Rightarrow\\; from a stationarity condition "
              "to the estimator, chain rule to the variance v = \\sigma^2",
        notation=["\\ln L(\\mu, \\sigma)", "\\frac{\\partial \\ln L}{\\partial \\mu}", "\\frac{\\partial \\ln L}{\\partial \\sigma}",
                  "\\frac{d\\sigma}{dv}", "\\hat{\\mu}", "\\hat{\\sigma}", "\\sqrt{\\cdot}", "\\sigma standard deviation"],
        notes="Definitions/hypotheses (5): ln L = sum ln(...), the mu-condition '= 0' at \\hat{\\mu}, \\hat{\\mu}, the "
              "sigma-condition '= 0' at the MLE (n >= 2, checked for n = 2..4), \\hat{\\sigma}."),
    "poisson_mle_notes.tex": dict(
        family=F["mle"],
        style="LaTeX worked example: align*, \\iff, \\left. \\right|_{\\lambda = \\hat{\\lambda}}, \\displaystyle, Fisher information",
        notation=["\\ell(\\lambda)", "\\frac{d\\ell}{d\\lambda}", "\\frac{d^2\\ell}{d\\lambda^2}", "x_i!", "\\prod_{i=1}^{n}",
                  "\\hat{\\lambda}", "\\bar{x}", "\\mathbb{E}[x_i]", "\\right|_{\\lambda = \\hat{\\lambda}}"],
        notes="Definitions/hypotheses (4): \\ell(\\lambda) = log prod ..., d\\ell/d\\lambda = 0 (checked at \\hat{\\lambda}), "
              "\\hat{\\lambda} = \\bar{x}, I(\\lambda) = -E[...]. The '=' inside the subscript \\right|_{\\lambda = \\hat{\\lambda}} is "
              "not a link. E is linear with E[x_i] = lambda."),
    "bernoulli_mle_answer.md": dict(
        family=F["mle"],
        style="Markdown Q&A answer: prime notation \\ell'(p), \\ell''(p), \\ln, \\;\\Rightarrow\\;",
        notation=["L(p) = \\prod_{i=1}^{n} p^{x_i} (1 - p)^{1 - x_i}", "\\ell'(p)", "\\ell''(\\hat{p})", "\\ln", "\\hat{p}",
                  "k = \\sum_i x_i (prose)"],
        notes="Definitions/hypotheses (4): L(p) = prod ..., \\ell(p) = \\ln L(p), \\ell'(\\hat{p}) = 0, \\hat{p} = k/n. "
              "Assumes 0 < k < n and 0 < p < 1 (stated)."),
    "variance_covariance_notes.tex": dict(
        family=F["var"],
        style="LaTeX review notes: align with \\label/\\nonumber, align*, \\big[ \\big]",
        notation=["\\operatorname{Var}(X)", "\\operatorname{Cov}(X, Y)", "\\mathbb{E}[X]", "\\mathbb{E}\\left[ (X - \\mu)^2 \\right]",
                  "\\mathbb{E}[XY]", "a^2 \\operatorname{Var}(X)"],
        notes="Definitions (2): Var(X) = E[(X - mu)^2] and Cov(X, Y) = E[(X - E X)(Y - E Y)]. mu = E[X] in prose. "
              "Var(X + Y) appears twice: as a one-link statement and as a three-link proof."),
    "covariance_rules_blog.md": dict(
        family=F["var"],
        style="Markdown blog post: \\begin{align*} written directly in the Markdown (no $$ around it), plain E[\\cdot]",
        notation=["\\operatorname{Cov}(aX + b,\\, cY + d)", "E\\big[ \\big]", "E[X \\cdot X]", "\\operatorname{Var}(X - Y)",
                  "\\frac{X}{\\sigma_X}"],
        notes="Definition (1): the Cov display. Var is defined in prose; sigma_X, sigma_Y are positive constants."),
    "backprop_tanh_notes.tex": dict(
        family=F["bp"],
        style="LaTeX worked solution: tanh' with \\quad\\text{(quotient rule)}, Leibniz chain with \\quad\\text{(chain rule)}, "
              "four one-link equations in one display",
        notation=["\\frac{\\partial L}{\\partial a_j} \\, \\frac{\\partial a_j}{\\partial z_j} \\, \\frac{\\partial z_j}{\\partial w_{ij}}",
                  "w_{ij}", "\\tanh z", "1 - \\tanh^2 z", "\\tfrac{1}{2}", "\\frac{d}{dz}"],
        notes="Definitions (3): z_j, a_j = \\tanh z_j, L in the model display. Checked with d = 2 inputs."),
    "backprop_sigmoid_blog.md": dict(
        family=F["bp"],
        style="Markdown blog post: d\\sigma/dz, \\cdot products, a chain continued in a second $$ block starting with '=', "
              "numerical check",
        notation=["\\frac{d\\sigma}{dz}", "\\frac{\\partial L}{\\partial \\hat{y}} \\cdot \\frac{d\\hat{y}}{dz} \\cdot \\frac{\\partial z}{\\partial w}",
                  "\\hat{y}", "\\left(1 + e^{-z}\\right)^{-1}", "\\sigma(z) \\cdot \\left(1 - \\sigma(z)\\right)", "0.4 \\cdot 1.5 - 0.1"],
        notes="Definitions (4): z = wx + b, \\hat{y} = \\sigma(z), \\sigma(z) = 1/(1 + e^{-z}), L. The last display is exact "
              "decimal arithmetic."),
    "integral_by_parts_notes.tex": dict(
        family=F["int"],
        style="LaTeX calculus refresher: integration by parts, bracket evaluations with \\left[ \\right]_0^1 and \\Big[ \\Big]_0^1",
        notation=["\\int_0^1 ... \\, dx", "\\left[ -x e^{-x} \\right]_0^1", "\\Big[ x \\ln(1 + x) \\Big]_0^1", "\\ln 2", "e^{-1}",
                  "\\frac{2}{e}"],
        notes="No definitions; the by-parts rule appears only inline."),
    "integral_substitution_blog.md": dict(
        family=F["int"],
        style="Markdown blog post: u-substitution with changed limits, \\mathrm{d}x",
        notation=["\\mathrm{d}x", "\\mathrm{d}u = 2x \\, \\mathrm{d}x", "\\int_1^2 \\frac{1}{u}", "\\Big[ \\ln u \\Big]_1^2",
                  "\\int_0^{\\pi/2}", "\\ln"],
        notes="Definitions (3): I = \\int_0^1 ..., u = 1 + x^2 and \\mathrm{d}u = 2x\\,\\mathrm{d}x (the latter checked as du/dx = 2x)."),
    "geometric_series_notes.tex": dict(
        family=F["series"],
        style="LaTeX handout: shift trick, \\dots, \\Longrightarrow between two identities in one display",
        notation=["S_n = \\sum_{k=0}^{n-1} r^k", "1 + r + r^2 + \\dots + r^{n-1}", "\\sum_{k=1}^{n} r^k", "\\frac{1 - r^n}{1 - r}",
                  "\\sum_{t=0}^{T-1} \\gamma^t"],
        notes="Definition (1): S_n. r != 1 is stated. Both sides of \\Longrightarrow are identities. Checked for n, T = 1..6."),
    "telescoping_sum_answer.md": dict(
        family=F["series"],
        style="Markdown Q&A answer: telescoping sums, re-indexed \\sum_{k=2}^{n+1}, \\lim_{n \\to \\infty}",
        notation=["\\sum_{k=1}^{n} \\frac{1}{k(k+1)}", "\\sum_{k=2}^{n+1}", "\\lim_{n \\to \\infty}", "\\frac{n(n+1)}{2}", "n^2 - 0^2"],
        notes="No definitions. Sums checked for n = 1..6 and for symbolic n (sympy Sum); the limit with sympy.limit."),
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
