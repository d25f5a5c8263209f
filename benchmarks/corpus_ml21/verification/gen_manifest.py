"""Write MANIFEST.json (format of corpus_ml20) from the encodings and results.json; check notation samples verbatim."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from enc21 import DOCS  # noqa: E402
from make_planted import planted_name  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HERE = os.path.dirname(os.path.abspath(__file__))

META = {
    'first_principles_lecture.tex': dict(
        style="LaTeX lecture scribe notes (\\maketitle, \\section, numbered align and \\[...\\], f defined in prose as "
              "'Let $f(x) = x^3$' or in words; \\lim_{h \\to 0} kept on every line until the last, sum bodies in "
              "parentheses or \\bigl(...\\bigr)): derivatives from first principles of x^2, x^3, 1/x (common "
              "denominator) and sqrt(x) (rationalising with the conjugate)",
        family="derivative_from_first_principles",
        notation=["f'(x) &= \\lim_{h \\to 0} \\frac{(x+h)^2 - x^2}{h} \\\\",
                  "&= \\lim_{h \\to 0} (2x + h) \\\\",
                  "= \\lim_{h \\to 0} \\frac{x - (x+h)}{h\\,x(x+h)}",
                  "&= \\lim_{h \\to 0} \\frac{1}{\\sqrt{x+h} + \\sqrt{x}} \\\\"],
        notes="Definitions (0): f is defined in prose and the limit definition of f'(x) is inline, not display. f'(x) "
              "is encoded as the SymPy derivative of the stated f; the x^2, x^3, 1/x chains are checked at x in "
              "{-7/3, 1/2, 3, 11/5}, the sqrt chain at x in {1/2, 3, 11/5, 9} (x > 0 as stated); limits in h are "
              "two-sided."),
    'lhopital_problem_sheet.md': dict(
        style="Markdown problem-sheet solutions (**Q1.**..**Q4.**, $$...$$ displays with one `= ...` per line, "
              "\\dfrac inline, \\lim_{x \\to 0}, \\lim_{x \\to \\infty}, \\lim_{x \\to -\\infty}, \\lim_{x \\to 0^+}): "
              "two- and three-step L'Hopital chains (e^x - 1 - x)/x^2 and (x - sin x)/x^3, three rational functions at "
              "+-infinity by dividing by the top power, x ln x at 0^+ rewritten as ln x / (1/x)",
        family="lhopital_and_rational_limits",
        notation=["= \\lim_{x \\to 0} \\frac{e^x - 1}{2x}",
                  "= \\lim_{x \\to \\infty} \\frac{3 - 5/x + 1/x^2}{2 + 7/x^2}",
                  "= \\frac{3 - 0 + 0}{2 + 0}",
                  "= \\lim_{x \\to 0^+} (-x)"],
        notes="Definitions (0). Limits at 0 in Q1, Q2 are two-sided; the links with arithmetic of limit values "
              "((3 - 0 + 0)/(2 + 0), 0/4) are encoded with exact numbers."),
    'sigmoid_limits_blog.md': dict(
        style="Markdown blog post (## headings, $$...$$ displays, two chains in one display separated by \\qquad, "
              "\\operatorname{softplus}, \\bigl(...\\bigr) around sum bodies, a substitution u = e^{-m} with "
              "\\lim_{u \\to 0^+}): limits of sigma at +-infinity, of tanh (directly and via tanh x = 2 sigma(2x) - 1), "
              "of softplus(x) - x, of sigma'(x) = sigma(1 - sigma) at infinity, of the logistic loss and of its ratio "
              "to e^{-m} as the margin grows",
        family="sigmoid_tanh_softplus_limits",
        notation=["\\sigma(x) = \\frac{1}{1 + e^{-x}}, \\qquad \\operatorname{softplus}(x) = \\ln\\bigl(1 + e^{x}\\bigr).",
                  "\\lim_{x \\to -\\infty} \\tanh x = \\lim_{x \\to -\\infty} \\bigl(2\\sigma(2x) - 1\\bigr) = 2 \\cdot 0 - 1 = -1.",
                  "\\lim_{x \\to \\infty} \\bigl(\\operatorname{softplus}(x) - x\\bigr)",
                  "\\lim_{m \\to \\infty} \\frac{\\ell(m)}{e^{-m}} = \\lim_{u \\to 0^+} \\frac{\\ln(1 + u)}{u} = 1."],
        notes="Definitions (2): sigma(x) = 1/(1 + e^{-x}) and softplus(x) = ln(1 + e^x) in the first display. "
              "sigma'(x) in the limit is encoded as the SymPy derivative of sigma; ell(m) = ln(1 + e^{-m}) is defined "
              "inline. The arithmetic links 1/(1 + 0), 0/(0 + 1), (1 - 0)/(1 + 0), 2*0 - 1, 1*(1 - 1), ln 1, "
              "ln(1 + 0) are exact numbers."),
    'standard_limits_cheatsheet.tex': dict(
        style="LaTeX cheat sheet (\\paragraph headings, equation*, align* and \\[...\\], \\lim\\limits_{n \\to \\infty}, "
              "\\Bigl(1 + \\frac{1}{n}\\Bigr)^{n}, side condition a > 0 stated in the text, one-sided "
              "\\lim_{x \\to 0^+} and \\lim_{x \\to 0^-}): sin x / x and sin 3x / x, (1 - cos x)/x^2 by the conjugate, "
              "(1 + 1/n)^n -> e and its square, ln(1 + x)/x -> 1, (a^x - 1)/x -> ln a, |x|/x from each side",
        family="standard_limits",
        notation=["\\lim_{x \\to 0} \\frac{\\sin x}{x} = 1, \\qquad",
                  " &= \\lim_{x \\to 0} \\frac{\\sin^2 x}{x^2} \\cdot \\frac{1}{1 + \\cos x} \\\\",
                  "\\lim\\limits_{n \\to \\infty} \\Bigl(1 + \\frac{1}{n}\\Bigr)^{n} = e, \\qquad",
                  "\\lim_{x \\to 0} \\frac{a^x - 1}{x} &= \\lim_{x \\to 0} \\frac{e^{x \\ln a} - 1}{x} = \\lim_{x \\to 0} a^x \\ln a = \\ln a ."],
        notes="Definitions (0): (1 + 1/n)^n -> e is checked as an identity (SymPy's limit gives E). (a^x - 1)/x is "
              "checked at a in {1/3, 2, 5, 7/2} (a > 0 as stated). |x|/x limits are one-sided as written; the "
              "two-sided limit is stated in prose not to exist and is not a link."),
    'poisson_limit_handout.md': dict(
        style="Markdown statistics handout (### Step headings, $$...$$ displays with \\left(...\\right), "
              "\\lim\\limits_{n \\to \\infty}, \\binom{n}{2}, \\exp(...) and a limit inside \\exp, lambda > 0 stated, "
              "a limit of a product of factors with finite limits): (1 - lambda/n)^n -> e^{-lambda} via logarithms, "
              "(1 - lambda/n)^{-k} -> 1, the k = 2 binomial mass -> lambda^2 e^{-lambda}/2, the binomial MGF -> "
              "e^{lambda(e^t - 1)}, and the mean from the limiting MGF by L'Hopital",
        family="poisson_limit_of_binomial_mgf",
        notation=["\\lim\\limits_{n \\to \\infty} \\left(1 - \\frac{\\lambda}{n}\\right)^{n}",
                  "= \\exp\\left(\\lim_{u \\to 0^+} \\frac{\\ln(1 - \\lambda u)}{u}\\right)",
                  "= \\frac{\\lambda^2}{2} \\cdot 1 \\cdot e^{-\\lambda} \\cdot 1",
                  "= \\lim_{n \\to \\infty} \\left(1 + \\frac{\\lambda (e^{t} - 1)}{n}\\right)^{n}"],
        notes="Definitions (0): p_n = lambda/n and M_n(t) are defined inline, so lim M_n(t) = lim (1 + lambda(e^t - "
              "1)/n)^n is an identity. Checked at lambda in {1/2, 5/2, 4, 7/3} (never 1, so a lost factor lambda is "
              "visible), t in {-1, 1/2, 2, -3/4}, k in {1, 2, 3, 5}; binom(n, 2) encoded as n(n - 1)/2. The middle "
              "link of Step 2 reads lambda^2/2 times the limit of the product of three factors."),
    'limits_exam_solutions.tex': dict(
        style="LaTeX exam model solutions (center title block, \\paragraph{B1 (5 marks).}..B5, align* chains of "
              "several = lines, equation*, \\[...\\], \\bigl(\\sqrt{x^2 + 4x} - x\\bigr), \\Bigl(\\lim ...\\Bigr)^{2}, a "
              "limit in an exponent e^{\\lim_{x \\to 0^+} x \\ln x}): derivative of x^2 + 3x from first principles, "
              "(tan x - x)/x^3 by L'Hopital and sec^2 - 1 = tan^2, sqrt(x^2 + 4x) - x at infinity by the conjugate, "
              "(1 + 2/n)^{3n} -> e^6, x^x at 0^+",
        family="mixed_limits_exam",
        notation=["&= \\lim_{h \\to 0} (2x + h + 3) = 2x + 3.",
                  "&= \\frac{1}{3} \\Bigl(\\lim_{x \\to 0} \\frac{\\tan x}{x}\\Bigr)^{2} = \\frac{1}{3}.",
                  "&= \\lim_{x \\to \\infty} \\frac{4}{\\sqrt{1 + 4/x} + 1} \\\\",
                  "\\lim_{x \\to 0^+} x^x = \\lim_{x \\to 0^+} e^{x \\ln x} = e^{\\lim_{x \\to 0^+} x \\ln x} = e^{0} = 1."],
        notes="Definitions (0): f(x) = x^2 + 3x is defined inline; f'(x) is the SymPy derivative, checked at x in "
              "{-7/3, 1/2, 3, 11/5}. The limit in the exponent in B5 is encoded as exp(Limit(x log x, x, 0, '+'))."),
}


def main():
    res = json.load(open(os.path.join(HERE, 'results.json')))
    assert not res['problems'], res['problems']
    out = []
    for f in DOCS:
        r = res['files'][f]
        md = META[f]
        text = open(os.path.join(ROOT, f), encoding='utf-8').read()
        for s in md['notation']:
            assert s in text, (f, s)
        pt = open(os.path.join(ROOT, planted_name(f)), encoding='utf-8').read()
        base = dict(file=f, kind='correct', style=md['style'], family=md['family'], notation=md['notation'],
                    links=r['links'], definitions=r['definitions'],
                    verified="sympy: every link holds (numerically at 30 digits at each sample point of its chain, "
                             "%d evaluations; limits by SymPy's limit after substituting the sample point, two-sided "
                             "unless written one-sided; all %d identity links also proved by simplify of the "
                             "difference of both sides, limits evaluated symbolically; mutation test: each of the %d "
                             "nodes replaced by 11/10 of itself plus 1/7 refutes exactly the links touching it)"
                             % (r['evaluations'], r['symbolic_proved'], r['mutations']),
                    notes=md['notes'])
        assert r['symbolic_proved'] == r['identity_links']
        out.append(base)
        p = r['planted']
        notation_p = [s for s in md['notation'] if s in pt]
        pl = dict(base, file=p['file'], kind='planted', notation=notation_p,
                  verified="sympy: the 2 link(s) touching the wrong expression fail (refuted numerically at 30 digits "
                           "at the sample points of their chain), all other links hold",
                  copy_of=f, failing_links=len(p['failing']),
                  planted=dict(line=p['line'], wrong=p['wrong'], right=p['right'], what=p['what'],
                               expression_lines=[p['line'], p['line']]))
        assert len(p['failing']) == 2
        out.append(pl)
    with open(os.path.join(ROOT, 'MANIFEST.json'), 'w', encoding='utf-8') as fh:
        json.dump(out, fh, indent=2, ensure_ascii=False)
        fh.write('\n')
    print('wrote %d entries' % len(out))


if __name__ == '__main__':
    main()
