"""Write MANIFEST.json (format of corpus_ml19) from enc20.py, the documents and verification/results.json.

Checks that every notation sample occurs verbatim in its document (and in the planted copy), and takes the link
counts, definitions, planted lines and the failing links from the documents and from the results of verify.py.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import enc20 as E  # noqa: E402
from count import link_positions  # noqa: E402
from make_planted import planted_name  # noqa: E402

META = {
    "relu_activations_lecture.tex": dict(
        style="LaTeX lecture scribe notes (\\maketitle, \\section, equation and align, \\DeclareMathOperator for \\ReLU and "
              "\\sign, cases environments with \\text{if }, primes on \\ReLU' and \\phi_\\alpha', \\Bigl(...\\Bigr), "
              "\\lim_{x \\to \\infty} in an align): ReLU as max(0, x) and by cases; its derivative by cases; the derivative "
              "of (x + |x|)/2 through x/|x| and sign(x); leaky ReLU as max(alpha x, x) and as alpha x + (1 - alpha) max(0, x), "
              "its derivative; dL/dw through one ReLU neuron with scalar w, x, b; softplus derivative and the limit of "
              "softplus(x) - x at infinity",
        family="relu_leaky_relu_softplus_derivatives",
        notation=[r"\ReLU(x) = \max(0, x) = \begin{cases} x & \text{if } x > 0,\\ 0 & \text{if } x \le 0. \end{cases}",
                  r"\phi_\alpha'(x) &= \alpha + (1 - \alpha)\ReLU'(x)",
                  r"&= \begin{cases} (wx + b - y)\,x & \text{if } wx + b > 0,\\ 0 & \text{if } wx + b < 0. \end{cases}",
                  r"&= \lim_{x \to \infty}\log\bigl(1 + e^{-x}\bigr) \\"],
        defs="ReLU(x) = max(0, x) and phi_alpha(x) = max(alpha x, x) (first link of each). ReLU'(z) is Heaviside(z); "
             "the derivative links are checked where x != 0 (wx + b != 0), on each side separately."),
    "hinge_loss_exam.tex": dict(
        style="LaTeX exam model solutions (center title block, \\paragraph{(a)}...(d) with marks, equation* and align*, "
              "cases with \\text{if }, w^\\star, \\Bigl(\\frac{y}{x}\\Bigr), \\lim_{\\beta \\to \\infty}; y in {-1, +1} "
              "used through y^2 = 1): hinge subgradient by cases; J(w) = (lambda/2) w^2 + max(0, 1 - ywx) on the active "
              "side, its stationary point, the margin y w* x, the minimum value; J at the hinge point y/x; squared hinge "
              "derivative in three forms; smoothed hinge (1/beta) log(1 + e^{beta(1 - m)}) factored and its limit",
        family="hinge_loss_scalar_w_x",
        notation=[r"\frac{d\ell}{dw} = \begin{cases} -y x & \text{if } y w x < 1,\\ 0 & \text{if } y w x > 1, \end{cases}",
                  r"y\, w^\star x = \frac{y^2 x^2}{\lambda} = \frac{x^2}{\lambda} < 1 ,",
                  r"J\Bigl(\frac{y}{x}\Bigr) = \frac{\lambda}{2}\,\frac{y^2}{x^2} + \max\bigl(0, 1 - y^2\bigr)",
                  r"\lim_{\beta \to \infty} \ell_\beta(m) = 1 - m + \lim_{\beta \to \infty}"],
        defs="J, ell, ell_2, ell_beta and w* are defined inline. Links are checked with y = +1 and y = -1 and on each "
             "side of the hinge (y w x < 1, y w x > 1) as the text states; J(w*) only for x^2 < lambda, the limit only "
             "for m < 1."),
    "huber_loss_blog.md": dict(
        style="Markdown blog post (title, italic byline, ## headings, multi-line $$ displays and single-line $$...$$, "
              "\\begin{aligned} inside $$, cases with \\text{if }, \\left(...\\right), \\operatorname{sign}, "
              "\\max\\bigl(-\\delta, \\min(\\delta, r)\\bigr), \\lim_{r \\to \\infty}): Huber loss by cases; value and slope "
              "of the linear piece at the seam; the derivative by cases and as a clipped residual; the gradient of a "
              "one-feature regression; L/r at infinity; pseudo-Huber derivative and its limit",
        family="huber_loss_two_cases",
        notation=[r"L_\delta(r) = \begin{cases} \frac{1}{2} r^2 & \text{if } |r| \le \delta,",
                  r"&= \max\bigl(-\delta, \min(\delta, r)\bigr).",
                  r"\frac{\partial}{\partial w} L_\delta(y - w x) = -x\,L_\delta'(y - w x) = \begin{cases}",
                  r"\lim_{r \to \infty} P_\delta'(r) = \lim_{r \to \infty} \frac{1}{\sqrt{1/r^2 + 1/\delta^2}}"],
        defs="L_delta(r) by cases (the only link of the first display). P_delta is defined inline. L'_delta(y - wx) is "
             "the derivative of L_delta evaluated at y - wx (SymPy Subs). Regions: |r| <= delta and |r| > delta on "
             "both signs; for the regression gradient the same four regions for y - wx."),
    "soft_thresholding_forum.md": dict(
        style="Markdown forum thread (question heading with inline math, question, accepted answer with score, a "
              "blockquoted comment with a $$...$$ display inside the quote, second answer, --- separators, single-line "
              "$$...$$ and a $$ \\begin{aligned} block, \\operatorname{sign}, \\tfrac12, \\mathbb{1}[...] indicators): "
              "d|x|/dx; F'(x) for F = (x - z)^2/2 + lambda|x| by cases; the soft-thresholding operator as "
              "sign(z) max(|z| - lambda, 0), by three cases and as z minus a clip; the minimum value (Huber); "
              "S_lambda as a difference of two ReLUs; its derivative as indicators",
        family="soft_thresholding_abs_value",
        notation=[r"$$\frac{d}{dx}|x| = \frac{x}{|x|} = \operatorname{sign}(x), \qquad x \neq 0,$$",
                  r"S_\lambda(z) &= \operatorname{sign}(z)\max\bigl(|z| - \lambda, 0\bigr) \\",
                  r"$$F(z - \lambda) = \tfrac12 \lambda^2 + \lambda (z - \lambda) = \lambda z - \tfrac12 \lambda^2",
                  r"$$\frac{d}{dz} S_\lambda(z) = \mathbb{1}[z > \lambda] + \mathbb{1}[z < -\lambda] = \mathbb{1}\bigl[|z| > \lambda\bigr].$$"],
        defs="S_lambda(z) = sign(z) max(|z| - lambda, 0) (first link of the aligned block). F is defined inline. "
             "Indicators 1[.] are Heaviside. Regions: z > lambda, |z| <= lambda (both signs), z < -lambda; x > 0, x < 0."),
    "weibull_survival_handout.tex": dict(
        style="LaTeX course handout (\\section*, \\paragraph, a \\dd macro for the differential, equation and align, "
              "\\Bigl[...\\Bigr]_{0}^{t} evaluation bracket, \\exp\\bigl(...\\bigr), \\mathbb{E}[T], \\Gamma, \\ln, "
              "\\lim_{t\\to\\infty}): Weibull hazard h(t) = (k/lambda)(t/lambda)^{k-1}; cumulative hazard by integration "
              "and bracket; S(0) = 1; S at infinity; density f = -S' = hS; the mean by the substitution u = (t/lambda)^k "
              "to lambda Gamma(1 + 1/k); the median check; t e^{-t/lambda} -> 0 by L'Hopital",
        family="weibull_survival_cumulative_hazard",
        notation=[r"\Lambda(t) = \int_0^t h(s)\dd s",
                  r"= \Bigl[\Bigl(\frac{s}{\lambda}\Bigr)^{k}\Bigr]_{0}^{t}",
                  r"S(0) &= \exp\bigl(-\Lambda(0)\bigr) = \exp\Bigl(-\Bigl(\frac{0}{\lambda}\Bigr)^{k}\Bigr) = e^{0} = 1, \\",
                  r"&= \frac{\lambda}{k}\,\Gamma\Bigl(\frac{1}{k}\Bigr) = \lambda\,\Gamma\Bigl(1 + \frac{1}{k}\Bigr)."],
        defs="Lambda(t) = int_0^t h(s) ds (first link). S(t) = e^{-Lambda(t)} and f = -S' are defined inline; E[T] is "
             "encoded as int_0^oo t f(t) dt, so the link E[T] = int_0^oo S(t) dt is checked. k in [0.6, 3], lambda in "
             "[0.5, 3]; the last display is stated for k = 1."),
    "exponential_moments_notebook.md": dict(
        style="Markdown notebook export (file-name title, italic export note, numbered ## headings, multi-line and "
              "single-line $$ displays, \\begin{aligned} inside $$, evaluation brackets \\Bigl[...\\Bigr]_0^\\infty, "
              "two ```python cells with In/Out prompts, \\mathbb{E}, \\operatorname{Var}, P(T > s + t \\mid T > s)): "
              "the exponential density integrates to one with the [-e^{-lambda t}]_0^oo = 0 - (-1) = 1 line; the mean by "
              "parts; the boundary term by L'Hopital; the second moment by parts; the variance; the survival function; "
              "memorylessness; the moment generating function",
        family="exponential_improper_integrals_by_parts",
        notation=[r"\int_0^\infty \lambda e^{-\lambda t}\,dt = \Bigl[-e^{-\lambda t}\Bigr]_0^\infty = 0 - (-1) = 1",
                  r"&= 0 + \Bigl[-\tfrac{1}{\lambda} e^{-\lambda t}\Bigr]_0^\infty \\",
                  r"\lim_{t \to \infty} t e^{-\lambda t} = \lim_{t \to \infty} \frac{t}{e^{\lambda t}} = \lim_{t \to \infty} \frac{1}{\lambda e^{\lambda t}} = 0",
                  r"$$P(T > s + t \mid T > s) = \frac{P(T > s + t)}{P(T > s)}"],
        defs="E[T] = int t lambda e^{-lambda t} dt, E[T^2] = int t^2 lambda e^{-lambda t} dt, P(T > t) = int_t^oo "
             "lambda e^{-lambda s} ds, and P(T > s + t | T > s) = P(T > s + t)/P(T > s) (conditional probability, "
             "with {T > s + t} inside {T > s}). Var(T) is encoded as E[(T - E T)^2]. The MGF only for theta < lambda."),
    "limits_at_infinity_cheatsheet.tex": dict(
        style="LaTeX cheat sheet (two columns with multicols, \\noindent\\textbf{...} headings, one-line \\[ ... \\] "
              "displays, two chains in one display separated by \\qquad, a \\neq between two links, \\text{...} remarks "
              "inside a display, \\ln, one-sided limits 0^+ and 0^-): x e^{-x}, x^2 e^{-x}, ln x / x and x ln x by "
              "L'Hopital; x ln(1 + 1/x) -> 1 with u = 1/x and (1 + a/x)^x -> e^a; sigma at -infinity, tanh and "
              "softplus/x at infinity; an improper integral as a limit; one-sided difference quotients of |x| and ReLU",
        family="lhopital_limits_at_infinity",
        notation=[r"\[ \lim_{x\to\infty} x e^{-x} = \lim_{x\to\infty}\frac{x}{e^{x}} = \lim_{x\to\infty}\frac{1}{e^{x}} = 0 \]",
                  r"= \lim_{u\to0^+}\frac{1}{1 + u} = \frac{1}{1 + 0} = 1, \]",
                  r"\[ \lim_{x\to-\infty}\sigma(x) = \lim_{x\to-\infty}\frac{e^{x}}{1 + e^{x}} = \frac{0}{1 + 0} = 0 \]",
                  r"= 1 \neq 0 = \lim_{h\to0^-}\frac{\max(0, h) - \max(0, 0)}{h}. \]"],
        defs="None. sigma is defined inline. `1 \\neq 0` separates two links (lim = 1 and 0 = lim); \\neq is not a link. "
             "Every link is an equality of numbers (limits evaluated by SymPy), except (1 + a/x)^x and the integral, "
             "which are checked for random a and lambda."),
    "piecewise_hazard_solutions.md": dict(
        style="Markdown problem-sheet solutions (title, bold numbered parts, \\[ ... \\] display blocks in Markdown, "
              "\\begin{aligned} inside \\[ \\], cases with comma-separated conditions 0 \\le t < \\tau, "
              "\\lim_{t \\to \\tau^-}, two chains in one display separated by \\qquad, brackets \\Bigl[...\\Bigr]_\\tau^\\infty): "
              "piecewise-constant hazard a then b after tau; cumulative hazard and survival by cases; S(0) = 1; "
              "continuity at tau; S at infinity; the density by cases and as hS; the mean lifetime split at tau; "
              "the residual life after burn-in",
        family="piecewise_constant_hazard_survival",
        notation=[r"\Lambda(t) = \int_0^t h(s)\,ds = \begin{cases} a t, & 0 \le t < \tau, \\ a\tau + b(t - \tau), & t \ge \tau. \end{cases}",
                  r"S(0) = e^{-\Lambda(0)} = e^{-a \cdot 0} = 1, \qquad \lim_{t \to \tau^-} S(t) = e^{-a\tau}",
                  r"\lim_{t \to \infty} S(t) = e^{-a\tau} \lim_{t \to \infty} e^{-b(t - \tau)} = e^{-a\tau} \cdot 0 = 0 .",
                  r"&= \frac{1 - e^{-a\tau}}{a} + e^{-a\tau}\Bigl(0 - \Bigl(-\frac{1}{b}\Bigr)\Bigr) \\"],
        defs="Lambda(t) = int_0^t h(s) ds, S(t) = e^{-Lambda(t)}, f(t) = -S'(t) (first link of each display) and "
             "P(T > tau + u | T > tau) = S(tau + u)/S(tau) (conditional probability). E[T] is encoded as "
             "int_0^oo t f(t) dt, so the split of int S is checked. Regions t < tau and t > tau; a != b."),
}


def expr_text(text, pos_a, pos_b):
    """Text of the expression between the `=` at pos_a and the `=` at pos_b, and its first and last line."""
    seg = text[pos_a + 1:pos_b]
    start = pos_a + 1 + (len(seg) - len(seg.lstrip()))
    body = seg.strip()
    body = re.sub(r"(\\\\\s*&?\s*)$", "", body).strip()
    body = re.sub(r"&\s*$", "", body).strip()
    end = start + len(body) - 1
    return " ".join(body.split()), text.count("\n", 0, start) + 1, text.count("\n", 0, end) + 1


def main():
    res = json.load(open(os.path.join(HERE, "results.json")))
    by_file = {d["file"]: d for d in res["documents"]}
    out = []
    for name in E.ORDER:
        meta = META[name]
        r = by_file[name]
        assert not r["problems"], r["problems"]
        text = open(os.path.join(ROOT, name), encoding="utf-8").read()
        ptext = open(os.path.join(ROOT, planted_name(name)), encoding="utf-8").read()
        for n in meta["notation"]:
            assert n in text, (name, n)
        ext = "." + name.rsplit(".", 1)[1]
        chains = E.DOCS[name]["chains"]
        nlinks = len(link_positions(text, ext))
        ndefs = sum(c.kinds.count("def") for c in chains)
        assert nlinks == r["links"] and ndefs == r["definitions"]
        regions = sorted({rg.name for c in chains for rg in c.regions})
        verified = ("sympy: every link holds (numerically at 30 digits at 4 random rational points in each region of "
                    "its chain, %d evaluations, regions following the cases and side conditions of the text; "
                    "all %d identity links also proved by simplify after substituting each region into positive "
                    "symbols)" % (r["points"], r["identities"]))
        assert r["symbolic_proved"] == r["identities"]
        notes = "Definitions (%d): %s" % (ndefs, meta["defs"])
        base = dict(file=name, kind="correct", style=meta["style"], family=meta["family"], notation=meta["notation"],
                    links=nlinks, definitions=ndefs, verified=verified, notes=notes)
        out.append(base)
        pl = E.DOCS[name]["planted"]
        pos, ppos = link_positions(text, ext), link_positions(ptext, ext)
        first = sum(len(c.kinds) for c in chains[:pl["chain"]])
        ga = first + pl["node"] - 1
        right, l1, l2 = expr_text(text, pos[ga], pos[ga + 1])
        wrong, m1, m2 = expr_text(ptext, ppos[ga], ppos[ga + 1])
        assert (l1, l2) == (m1, m2) and l1 <= pl["line"] <= l2
        planted = dict(base)
        planted.update(file=planted_name(name), kind="planted",
                       verified="sympy: the 2 link(s) touching the wrong expression fail (refuted numerically at "
                                "30 digits at the random points of their regions), all other links hold",
                       copy_of=name, failing_links=r["planted"]["failing_count"],
                       planted=dict(line=pl["line"], wrong=wrong, right=right, what=pl["what"],
                                    expression_lines=[l1, l2]))
        out.append(planted)
    with open(os.path.join(ROOT, "MANIFEST.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print("wrote %d entries" % len(out))


if __name__ == "__main__":
    main()
