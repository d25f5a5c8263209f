#!/usr/bin/env python3
"""Write the planted copies and MANIFEST.json of corpus_ml8.

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
    "rules": "product_quotient_chain_rules_unknown_functions",
    "roots": "square_roots_and_powers",
    "logs": "logarithms_and_log_derivatives",
    "normal": "normal_density_derivatives",
    "inverse": "inverse_functions_first_principles_tangent_lines",
    "ml": "ml_roots_logs_optimizers_norms_kl",
}

META = {
    "product_quotient_chain_lecture.tex": dict(
        family=F["rules"],
        style="LaTeX lecture notes (\\maketitle, \\section, amsthm example environment): rules stated on unknown f, g, h with "
              "primes and the argument dropped; numbered equation/align with \\label, \\nonumber and \\eqref; product rule, "
              "three factors, d/dx[f(x)^2], (fg)'' with the middle 2f'g', quotient rule derived from f = qg, reciprocal rule, "
              "chain rule for two and three layers, sqrt(f) and ln f, second derivative of f(g(x)); worked examples in align* "
              "and \\[ \\] (x^2 sin x, ln x / x, sqrt(1 + sin^2 x), x e^x sin x, ln sqrt(x^2 + 1))",
        notation=["(fg)'(x) = f'(x)\\,g(x) + f(x)\\,g'(x)", "f''g + 2f'g' + fg''", "\\Bigl(\\frac{f}{g}\\Bigr)' = q'",
                  "f'\\bigl(g(h(x))\\bigr)\\,g'\\bigl(h(x)\\bigr)\\,h'(x)", "\\frac{1}{2\\sqrt{f(x)}}\\,f'(x)",
                  "f''\\bigl(g(x)\\bigr)\\,g'(x)^2 + f'\\bigl(g(x)\\bigr)\\,g''(x)"],
        notes="No definitions (q = f/g is named inline). f, g, h unknown: every link holds with f, g, h as undefined SymPy "
              "functions (proved exactly) and with two sets of concrete positive functions (numerically). f > 0 where sqrt(f) "
              "or ln f appears and g != 0 (stated); x > 0 in the ln x / x example."),
    "quotient_rule_from_product_answer.md": dict(
        family=F["rules"],
        style="Markdown Q&A answer (## title, blockquoted question, --- rules, 'accepted' line, bold run-in headings, a closing "
              "*Comment*): reciprocal as a composition r(u) = 1/u, quotient rule from the product rule with 1/g (\\begin{align*} "
              "in Markdown), f^2/g and sqrt(fg) for unknown f, g, the log route (sqrt(fg))'/sqrt(fg), checks with f = sqrt(x) "
              "and g = 1 + x^2, [f(g(x))^2]', (fgh)'/(fgh), the quotient rule from logs",
        notation=["r'\\bigl(g(x)\\bigr)\\, g'(x)", "\\left(f \\cdot \\frac{1}{g}\\right)'", "\\frac{f' g}{g^2} - \\frac{f g'}{g^2}",
                  "\\frac{(fg)'(x)}{2\\sqrt{f(x)g(x)}}", "\\frac{d}{dx}\\ln\\sqrt{fg}",
                  "\\frac{f}{g}\\left(\\frac{f'}{f} - \\frac{g'}{g}\\right)"],
        notes="No definitions. f, g, h unknown (undefined SymPy functions, proved exactly) and two sets of concrete positive "
              "functions (numerically); g != 0, f, g > 0 where a root or a log appears (stated); x > 0 in the checks."),
    "roots_powers_problem_sheet.tex": dict(
        family=F["roots"],
        style="LaTeX problem-sheet model solutions (\\subsection* per question, a \\ans macro, one \\[ \\] display per step with "
              "prose between; some chains continue in the next display after restating the expression): sqrt(x^2 + 1), "
              "sqrt(1 - x^2), x^{1/3} with a cube root, (x^2 + 1)^{3/2} and its second derivative, x / sqrt(x^2 + 1), "
              "rationalising with conjugates, surds sqrt 8 + sqrt 18 and 6/sqrt 3, d/dx(sqrt x + 1/sqrt x)",
        notation=["\\frac{1}{2}\\,(x^2 + 1)^{-1/2}\\cdot 2x", "\\frac{1}{3\\sqrt[3]{x^2}}", "\\frac{3}{2}\\,(x^2 + 1)^{1/2}\\cdot 2x",
                  "\\frac{(x^2 + 1) - x^2}{(x^2 + 1)\\sqrt{x^2 + 1}}", "\\frac{(\\sqrt{x^2 + 1} - x)(\\sqrt{x^2 + 1} + x)}{\\sqrt{x^2 + 1} + x}",
                  "\\frac{1}{2}x^{-1/2} - \\frac{1}{2}x^{-3/2}"],
        notes="No definitions. x real for sqrt(x^2 + 1), |x| < 1 for sqrt(1 - x^2) (checked on |x| <= 0.9), x > 0 for x^{1/3}, "
              "sqrt x and the conjugate of sqrt(x + 1) - sqrt x (stated). Numbers: x = 2."),
    "euclidean_norm_gradient_blog.md": dict(
        family=F["roots"],
        style="Markdown blog post (YAML front matter, math: katex): ||x|| = sqrt(sum_k x_k^2) differentiated by one coordinate "
              "with a Kronecker delta (\\begin{align*} in Markdown), squared norm and distance in one $$ block with \\qquad, "
              "Euler's relation, the Hessian (delta_ij ||x||^2 - x_i x_j)/||x||^3 by the quotient rule, its rows times x, a "
              "smoothed norm sqrt(||x||^2 + eps^2), numbers at x = (3, 4), NumPy code fence with '='",
        notation=["\\|\\mathbf{x}\\| = \\sqrt{\\sum_{k=1}^{n} x_k^2}", "\\frac{1}{2\\|\\mathbf{x}\\|} \\sum_{k=1}^{n} 2x_k\\,\\delta_{kj}",
                  "\\frac{x_j}{\\|\\mathbf{x}\\|}", "\\frac{\\delta_{ij}\\,\\|\\mathbf{x}\\| - x_j\\,\\frac{x_i}{\\|\\mathbf{x}\\|}}{\\|\\mathbf{x}\\|^2}",
                  "\\frac{\\delta_{ij}}{\\|\\mathbf{x}\\|} - \\frac{x_i x_j}{\\|\\mathbf{x}\\|^3}", "-\\frac{3 \\cdot 4}{5^3}"],
        notes="Definition (1): ||x||. x != 0 (and x != y), eps > 0 (stated); n = 1..4 with every j and every (i, j); delta_kj "
              "evaluated per index pair. Numbers: x = (3, 4)."),
    "logarithmic_differentiation_handout.tex": dict(
        family=F["logs"],
        style="LaTeX course handout (\\numberwithin, \\paragraph examples, numbered equation/align with \\label and \\eqref, \\ln "
              "throughout): d/dx ln y = y'/y for unknown y, x^x by logs and via e^{x ln x}, the check at x = 1 with "
              "\\Big|_{x=1}, x^{sqrt x}, f(x)^{g(x)} for unknown f, g, constant exponent, a^x and log_a x, a product/quotient "
              "x^2 sqrt(x + 1)/(x + 2)^3 over a common denominator",
        notation=["\\frac{d}{dx}\\ln y(x) = \\frac{y'(x)}{y(x)}", "\\ln y = \\ln\\bigl(x^x\\bigr) = x\\ln x",
                  "\\frac{\\ln x}{2\\sqrt{x}} + \\frac{\\sqrt{x}}{x}", "f(x)^{g(x)}\\Bigl(g'(x)\\ln f(x) + \\frac{g(x)f'(x)}{f(x)}\\Bigr)",
                  "\\frac{d}{dx}\\,\\frac{\\ln x}{\\ln a}", "\\frac{4(x + 1)(x + 2) + x(x + 2) - 6x(x + 1)}{2x(x + 1)(x + 2)}"],
        notes="No definitions (y is named inline in each example). x > 0, a > 0 with a != 1, y > 0 and f > 0 (stated); the "
              "rules on unknown y, f, g proved exactly with undefined SymPy functions and checked with concrete positive "
              "functions; n a positive real."),
    "log_derivative_trick_blog.md": dict(
        family=F["logs"],
        style="Markdown blog post (YAML front matter, katex: true, ### sections): the log-derivative trick for an unknown p(theta) "
              "(two chains in one $$ block joined by \\Longrightarrow), the Gaussian log-density and its scores in mu and sigma, "
              "the score's zero mean under N(mu, sigma^2), softplus' = sigmoid and softplus'', softplus(x) - softplus(-x) = x, "
              "two-term log-sum-exp, its stable form and its gradient, numbers with log 3",
        notation=["p(\\theta)\\, \\frac{\\partial}{\\partial \\theta} \\log p(\\theta)",
                  "-\\log\\sigma - \\frac{1}{2}\\log(2\\pi) - \\frac{(x - \\mu)^2}{2\\sigma^2}",
                  "\\frac{(x - \\mu)^2 - \\sigma^2}{\\sigma^3}", "\\frac{1}{1 + e^{x}}\\cdot e^{x}",
                  "\\log\\bigl(e^{a}(1 + e^{b - a})\\bigr)", "\\frac{e^{\\log 3}}{e^{\\log 3} + e^{0}}"],
        notes="No definitions (p, LSE and softplus are named inline). sigma > 0; p > 0 unknown (undefined SymPy function, proved "
              "exactly, plus concrete positive functions); expectations under N(mu, sigma^2) by Gaussian moments. Numbers: "
              "a = log 3, b = 0."),
    "normal_density_derivatives_textbook.tex": dict(
        family=F["normal"],
        style="LaTeX textbook excerpt (\\setcounter{section}, \\numberwithin, a proposition with a proof ending in \\qedhere inside "
              "an equation, \\label/\\eqref everywhere): varphi(x) = e^{-x^2/2}/sqrt(2 pi), varphi' = -x varphi, varphi'' = "
              "(x^2 - 1) varphi, third derivative (3x - x^3) varphi, inflection values, the standardised density f(x) = "
              "varphi(z)/sigma, partial derivatives in x, mu and sigma through z = (x - mu)/sigma, the diffusion identity "
              "sigma f_xx = f_sigma, f(mu)",
        notation=["\\varphi(x) = \\frac{1}{\\sqrt{2\\pi}}\\,e^{-x^2/2}", "-\\varphi(x) - x\\varphi'(x)", "(x^2 - 1)\\varphi(x)",
                  "\\frac{1}{\\sigma}\\,\\varphi\\Bigl(\\frac{x - \\mu}{\\sigma}\\Bigr)", "\\frac{1}{\\sigma}\\,\\varphi'(z)\\cdot\\Bigl(-\\frac{1}{\\sigma}\\Bigr)",
                  "\\frac{z^2 - 1}{\\sigma}\\,f(x)"],
        notes="Definitions (2): varphi(x), f(x). sigma > 0; z = (x - mu)/sigma is named inline and encoded as that expression."),
    "gaussian_nll_gradients_notebook.md": dict(
        family=F["normal"],
        style="Markdown notebook export (In [n]/Out[n] PyTorch cells with '=', GaussianNLLLoss): -log N(y | mu, v), the "
              "per-example loss with the constant, gradients in mu and v, the loss at v = (y - mu)^2 with |y - mu|, the "
              "log-variance chain rule as a 4-link \\begin{align*} in Markdown, the sigma parametrisation, a batch mean with "
              "index j, numbers y = 3, mu = 1, v = 4 with \\approx",
        notation=["-\\log\\Bigl[\\frac{1}{\\sqrt{2\\pi v}}\\, e^{-(y - \\mu)^2/(2v)}\\Bigr]", "\\frac{v - (y - \\mu)^2}{2v^2}",
                  "\\frac{\\partial \\ell}{\\partial v}\\,\\frac{dv}{ds}", "\\frac{1}{2} - \\frac{(y - \\mu)^2}{2}\\, e^{-s}",
                  "\\frac{\\sigma^2 - (y - \\mu)^2}{2\\sigma^4}\\cdot 2\\sigma", "\\frac{1}{n}\\, \\frac{\\mu_j - y_j}{v_j}"],
        notes="Definitions (2): ell(mu, v), L. v > 0, sigma > 0, s real with v = e^s (stated); the batch for n = 1..4 and every j. "
              "Numbers: y = 3, mu = 1, v = 4 (s = log 4)."),
    "inverse_trig_derivatives_notes.tex": dict(
        family=F["inverse"],
        style="LaTeX supplementary notes (\\maketitle, \\section): implicit differentiation of sin y = x with \\tag{$\\ast$}, "
              "arcsin via cos y = sqrt(1 - sin^2 y) (align with \\nonumber and \\label), arccos, their sum, arcsin'' with powers "
              "-1/2 and -3/2, arctan via sec^2 y = 1 + tan^2 y, arcsin(x/a), arcsin sqrt x and arctan sqrt x, tangent lines "
              "T(x) at x = 1/2 and x = 1 with \\Big|_{x = 1/2}",
        notation=["\\cos y\\,\\frac{dy}{dx} = 1", "\\frac{1}{\\sqrt{1 - \\sin^2 y}}", "-\\frac{1}{\\sqrt{1 - \\cos^2 y}}",
                  "\\frac{1}{1 + \\tan^2 y}", "\\frac{1}{2\\sqrt{x(1 - x)}}", "T(x) = \\frac{\\pi}{6} + \\frac{2\\sqrt{3}}{3}\\Bigl(x - \\frac{1}{2}\\Bigr)"],
        notes="Definitions (2): the two tangent lines T(x). y = arcsin x, arccos x, arctan x as stated (principal branches); "
              "|x| < 1 (checked on |x| <= 0.9), a > 0 with |x| < a, 0 < x < 1 for arcsin sqrt x, x > 0 for arctan sqrt x."),
    "sqrt_first_principles_forum.md": dict(
        family=F["inverse"],
        style="Markdown forum thread (bold thread title, blockquoted original post, --- rules, several replies by name): the "
              "difference quotient of sqrt x rationalised with the conjugate (\\begin{align*} in Markdown, identities for each "
              "h != 0), the limit as separate links with \\lim_{h \\to 0}, tangent line L(x) at x = 4 and L(4.1) with decimals, "
              "1/sqrt x from first principles, the cube root via a^3 - b^3, the tangent to the semicircle sqrt(25 - x^2) at "
              "(3, 4), perpendicular slopes",
        notation=["\\frac{\\sqrt{x + h} - \\sqrt{x}}{h}\\cdot\\frac{\\sqrt{x + h} + \\sqrt{x}}{\\sqrt{x + h} + \\sqrt{x}}",
                  "\\lim_{h \\to 0} \\frac{1}{\\sqrt{x + h} + \\sqrt{x}}", "\\frac{x - (x + h)}{h\\sqrt{x}\\sqrt{x + h}\\bigl(\\sqrt{x} + \\sqrt{x + h}\\bigr)}",
                  "\\frac{1}{\\sqrt[3]{(x + h)^2} + \\sqrt[3]{x(x + h)} + \\sqrt[3]{x^2}}", "L(x) = 2 + \\frac{1}{4}(x - 4) = \\frac{x}{4} + 1",
                  "-\\frac{3}{\\sqrt{25 - 9}}"],
        notes="Definitions (2): L(x), M(x). x > 0 and h != 0 with x + h > 0 (stated; the algebraic links checked at h > 0); "
              "limits evaluated exactly with sympy.limit (two-sided) before the numerical comparison; 0 < x < 5 for the "
              "semicircle."),
    "optimizer_regularizer_kl_appendix.tex": dict(
        family=F["ml"],
        style="LaTeX paper appendix (\\appendix, \\subsection with \\label, \\paragraph{Notation}, \\DeclareMathOperator for sign "
              "and KL): RMSprop recursions as definitions, the first RMSprop step with |g_1| and sign, Adam's first moment "
              "unrolled (a definition followed by identities), bias correction for a constant gradient, the effective learning "
              "rate sqrt(1 - beta_2^t)/(1 - beta_1^t), decimals 0.999 and 0.9, the unsquared penalty lambda ||w|| and one "
              "gradient step, the Gaussian KL by expectations under p and its partial derivatives, numbers",
        notation=["\\frac{\\eta\\, g_1}{\\sqrt{1 - \\rho}\\,|g_1|}", "\\beta_1^2 m_{t-2} + \\beta_1 (1 - \\beta_1) g_{t-1} + (1 - \\beta_1) g_t",
                  "\\eta\\,\\frac{\\sqrt{1 - \\beta_2^t}}{1 - \\beta_1^t}\\,\\frac{m_t}{\\sqrt{v_t}}", "\\frac{\\lambda w_j}{\\|\\mathbf{w}\\|}",
                  "\\Bigl|1 - \\frac{\\eta\\lambda}{\\|\\mathbf{w}\\|}\\Bigr|\\,\\|\\mathbf{w}\\|",
                  "\\log\\frac{\\sigma_2}{\\sigma_1} - \\frac{1}{2} + \\frac{\\sigma_1^2 + (\\mu_1 - \\mu_2)^2}{2\\sigma_2^2}"],
        notes="Definitions (6): v_t, theta_{t+1}, m_t (first row of the unrolling), m-hat_t, R(w), KL(p || q). rho, beta_1, "
              "beta_2 in (0, 1), eta > 0, lambda > 0, epsilon > 0, v > 0, w != 0, sigma_1, sigma_2 > 0; m_0 = 0; the unrolling for "
              "t = 2..5 with free g_1..g_t; bias correction and effective rate for t = 1..5; the penalty with d = 1..3 and every j; "
              "E_p by Gaussian moments. Numbers: mu_1 = 1, sigma_1 = 1, mu_2 = 0, sigma_2 = 2."),
    "cosine_norm_kl_gradients_notebook.md": dict(
        family=F["ml"],
        style="Markdown notebook export (In/Out PyTorch cells with '='): cosine similarity c as a definition, d(1/||u||)/du_j, "
              "dc/du_j by the product rule (\\begin{align*} in Markdown), the gradient orthogonal to u, numbers u = (1, 0), "
              "v = (1, 1) with three chains in one $$ block, the penalty lambda ||w|| through the squared norm and its gradient's "
              "length, the VAE KL against N(0, 1) in mu and the log-variance s, the chain rule through sigma, the KL with two "
              "log-variances and its s_1 derivative, decimals",
        notation=["\\frac{\\sum_{k} u_k v_k}{\\sqrt{\\sum_{k} u_k^2}\\,\\sqrt{\\sum_{k} v_k^2}}",
                  "\\frac{1}{\\|\\mathbf{u}\\|}\\Bigl(\\frac{v_j}{\\|\\mathbf{v}\\|} - c\\,\\frac{u_j}{\\|\\mathbf{u}\\|}\\Bigr)",
                  "\\lambda\\,\\frac{\\partial \\sqrt{\\|\\mathbf{w}\\|^2}}{\\partial w_j}", "\\frac{1}{2}\\bigl(\\mu^2 + \\sigma^2 - \\log\\sigma^2 - 1\\bigr)",
                  "\\Bigl(\\sigma - \\frac{1}{\\sigma}\\Bigr)\\frac{\\sigma}{2}", "\\frac{1}{2}\\bigl(e^{s_1 - s_2} - 1\\bigr)"],
        notes="Definition (1): c. u, v, w nonzero (stated); cosine displays for n = 2..4 and every j; the penalty for d = 1..3; "
              "s = log sigma^2 real, sigma = e^{s/2}; the KL computed independently as E_p[log p - log q] with Gaussian moments. "
              "Numbers: u = (1, 0), v = (1, 1); mu = 0.5, s = 0."),
}


def main(argv):
    symbolic = "--fast" not in argv
    docs = all_docs()
    assert len(docs) == 12 and set(d.file for d in docs) == set(META)
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
                     verified="sympy: every link holds (numerically, 30 digits, in every context with numbers or concrete "
                              "functions; links on unknown functions also proved exactly with f, g, h undefined; %d of %d "
                              "links proved exactly in the first and last context)" % (nsym, r["links"]),
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
