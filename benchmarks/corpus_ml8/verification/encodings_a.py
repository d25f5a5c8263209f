"""Hand encodings of the corpus_ml8 documents of families 1-3 (product, quotient and chain rules on
unknown functions; square roots and powers; logarithms).

Every display is a chain of I(anchor, fn) items: `anchor` is the exact LaTeX of the expression in
the document and fn(ctx) its SymPy value in the context ctx. In the family-1 documents a context
supplies the functions f, g, h: unknown SymPy functions in the first context (links proved
exactly), concrete positive functions in the others (links judged numerically). Links whose kind
is "def" introduce a name (counted as definitions in the manifest); all others assert an identity.
"""
import sympy as sp

from framework import Chain, Doc, with_plant, delta, sig  # noqa: F401
from helpers import (vec, S, I, const, R, P, D, fun_contexts, singles, pairs)  # noqa: F401

DEF = "def"
half = sp.Rational(1, 2)


def Q(a, b=1):
    return sp.Rational(a, b)


# symbols: x real on (-1.5, 1.5); xp positive; xu in (-0.9, 0.9) (for sqrt(1 - x^2))
x = R("x")
xp = P("x_pos", 0.2, 3.0)
xu = R("x_unit", -0.9, 0.9)


# ===========================================================================
# family 1: product, quotient and chain rules on unknown functions
def product_quotient_chain_lecture():
    X = x

    def F(c):
        return c["f"](X)

    def G(c):
        return c["g"](X)

    def H(c):
        return c["h"](X)

    def d(c, name, n=1, at=None):
        return D(c[name], X if at is None else at, n)

    ch = []
    ch.append(Chain("product", [
        I(r"(fg)'(x)", lambda c: sp.diff(F(c) * G(c), X)),
        I(r"f'(x)\,g(x) + f(x)\,g'(x)", lambda c: d(c, "f") * G(c) + F(c) * d(c, "g")),
    ]))
    ch.append(Chain("three", [
        I(r"(fgh)'", lambda c: sp.diff(F(c) * G(c) * H(c), X)),
        I(r"(fg)'\,h + (fg)\,h'", lambda c: sp.diff(F(c) * G(c), X) * H(c) + F(c) * G(c) * d(c, "h")),
        I(r"\bigl(f'g + fg'\bigr)h + fgh'", lambda c: (d(c, "f") * G(c) + F(c) * d(c, "g")) * H(c) + F(c) * G(c) * d(c, "h")),
        I(r"f'gh + fg'h + fgh'", lambda c: d(c, "f") * G(c) * H(c) + F(c) * d(c, "g") * H(c) + F(c) * G(c) * d(c, "h")),
    ]))
    ch.append(Chain("square", [
        I(r"\frac{d}{dx}\bigl[f(x)^2\bigr]", lambda c: sp.diff(F(c) ** 2, X)),
        I(r"f'(x)f(x) + f(x)f'(x)", lambda c: d(c, "f") * F(c) + F(c) * d(c, "f")),
        I(r"2f(x)f'(x)", lambda c: 2 * F(c) * d(c, "f")),
    ]))
    ch.append(Chain("second", [
        I(r"(fg)''", lambda c: sp.diff(F(c) * G(c), X, 2)),
        I(r"(f'g)' + (fg')'", lambda c: sp.diff(d(c, "f") * G(c), X) + sp.diff(F(c) * d(c, "g"), X)),
        I(r"f''g + f'g' + f'g' + fg''", lambda c: d(c, "f", 2) * G(c) + 2 * d(c, "f") * d(c, "g") + F(c) * d(c, "g", 2)),
        I(r"f''g + 2f'g' + fg''", lambda c: d(c, "f", 2) * G(c) + 2 * d(c, "f") * d(c, "g") + F(c) * d(c, "g", 2)),
    ]))

    def q(c):
        return F(c) / G(c)

    ch.append(Chain("quotient", [
        I(r"\Bigl(\frac{f}{g}\Bigr)'", lambda c: sp.diff(q(c), X)),
        I(r"q'", lambda c: sp.diff(q(c), X)),
        I(r"\frac{f' - q\,g'}{g}", lambda c: (d(c, "f") - q(c) * d(c, "g")) / G(c)),
        I(r"\frac{f' - \frac{f}{g}\,g'}{g}", lambda c: (d(c, "f") - F(c) / G(c) * d(c, "g")) / G(c)),
        I(r"\frac{f'g - fg'}{g^2}", lambda c: (d(c, "f") * G(c) - F(c) * d(c, "g")) / G(c) ** 2),
    ]))
    ch.append(Chain("recip", [
        I(r"\Bigl(\frac{1}{g}\Bigr)'", lambda c: sp.diff(1 / G(c), X)),
        I(r"\frac{0\cdot g - 1\cdot g'}{g^2}", lambda c: (0 * G(c) - 1 * d(c, "g")) / G(c) ** 2),
        I(r"-\frac{g'}{g^2}", lambda c: -d(c, "g") / G(c) ** 2),
    ]))
    ch.append(Chain("chain", [
        I(r"(f\circ g)'(x)", lambda c: sp.diff(c["f"](G(c)), X)),
        I(r"f'\bigl(g(x)\bigr)\,g'(x)", lambda c: d(c, "f", at=G(c)) * d(c, "g")),
    ]))
    ch.append(Chain("chain3", [
        I(r"(f\circ g\circ h)'(x)", lambda c: sp.diff(c["f"](c["g"](H(c))), X)),
        I(r"f'\bigl(g(h(x))\bigr)\,(g\circ h)'(x)", lambda c: d(c, "f", at=c["g"](H(c))) * sp.diff(c["g"](H(c)), X)),
        I(r"f'\bigl(g(h(x))\bigr)\,g'\bigl(h(x)\bigr)\,h'(x)",
          lambda c: d(c, "f", at=c["g"](H(c))) * d(c, "g", at=H(c)) * d(c, "h")),
    ]))
    ch.append(Chain("sqrt", [
        I(r"\frac{d}{dx}\sqrt{f(x)}", lambda c: sp.diff(sp.sqrt(F(c)), X)),
        I(r"\frac{1}{2\sqrt{f(x)}}\,f'(x)", lambda c: d(c, "f") / (2 * sp.sqrt(F(c)))),
        I(r"\frac{f'(x)}{2\sqrt{f(x)}}", lambda c: d(c, "f") / (2 * sp.sqrt(F(c)))),
    ]))
    ch.append(Chain("log", [
        I(r"\frac{d}{dx}\ln f(x)", lambda c: sp.diff(sp.log(F(c)), X)),
        I(r"\frac{f'(x)}{f(x)}", lambda c: d(c, "f") / F(c)),
    ]))
    ch.append(Chain("second chain", [
        I(r"\frac{d^2}{dx^2} f\bigl(g(x)\bigr)", lambda c: sp.diff(c["f"](G(c)), X, 2)),
        I(r"\frac{d}{dx}\Bigl[f'\bigl(g(x)\bigr)\,g'(x)\Bigr]", lambda c: sp.diff(d(c, "f", at=G(c)) * d(c, "g"), X)),
        I(r"f''\bigl(g(x)\bigr)\,g'(x)\cdot g'(x) + f'\bigl(g(x)\bigr)\,g''(x)",
          lambda c: d(c, "f", 2, at=G(c)) * d(c, "g") * d(c, "g") + d(c, "f", at=G(c)) * d(c, "g", 2)),
        I(r"f''\bigl(g(x)\bigr)\,g'(x)^2 + f'\bigl(g(x)\bigr)\,g''(x)",
          lambda c: d(c, "f", 2, at=G(c)) * d(c, "g") ** 2 + d(c, "f", at=G(c)) * d(c, "g", 2)),
    ]))
    sx, cx = sp.sin(x), sp.cos(x)
    ch.append(Chain("ex1", [
        I(r"\frac{d^2}{dx^2}\bigl(x^2\sin x\bigr)", const(sp.diff(x ** 2 * sx, x, 2))),
        I(r"2\cdot\sin x + 2\cdot 2x\cdot\cos x + x^2\cdot(-\sin x)", const(2 * sx + 2 * 2 * x * cx + x ** 2 * (-sx))),
        I(r"2\sin x + 4x\cos x - x^2\sin x", const(2 * sx + 4 * x * cx - x ** 2 * sx)),
        I(r"(2 - x^2)\sin x + 4x\cos x", const((2 - x ** 2) * sx + 4 * x * cx)),
    ]))
    ch.append(Chain("ex2", [
        I(r"\frac{d}{dx}\,\frac{\ln x}{x}", const(sp.diff(sp.log(xp) / xp, xp))),
        I(r"\frac{\frac{1}{x}\cdot x - \ln x\cdot 1}{x^2}", const((1 / xp * xp - sp.log(xp) * 1) / xp ** 2)),
        I(r"\frac{1 - \ln x}{x^2}", const((1 - sp.log(xp)) / xp ** 2)),
    ]))
    r = sp.sqrt(1 + sx ** 2)
    ch.append(Chain("ex3", [
        I(r"\frac{d}{dx}\sqrt{1 + \sin^2 x}", const(sp.diff(r, x))),
        I(r"\frac{1}{2\sqrt{1 + \sin^2 x}}\cdot 2\sin x\cos x", const(1 / (2 * r) * 2 * sx * cx)),
        I(r"\frac{\sin x\cos x}{\sqrt{1 + \sin^2 x}}", const(sx * cx / r)),
        I(r"\frac{\sin 2x}{2\sqrt{1 + \sin^2 x}}", const(sp.sin(2 * x) / (2 * r))),
    ]))
    ex = sp.exp(x)
    ch.append(Chain("ex4", [
        I(r"\bigl(x e^x \sin x\bigr)'", const(sp.diff(x * ex * sx, x))),
        I(r"e^x\sin x + x e^x\sin x + x e^x\cos x", const(ex * sx + x * ex * sx + x * ex * cx)),
        I(r"e^x\bigl(\sin x + x\sin x + x\cos x\bigr)", const(ex * (sx + x * sx + x * cx))),
    ]))
    s1 = sp.sqrt(x ** 2 + 1)
    ch.append(Chain("ex5", [
        I(r"\frac{d}{dx}\ln\sqrt{x^2 + 1}", const(sp.diff(sp.log(s1), x))),
        I(r"\frac{1}{\sqrt{x^2 + 1}}\cdot\frac{x}{\sqrt{x^2 + 1}}", const(1 / s1 * x / s1)),
        I(r"\frac{x}{x^2 + 1}", const(x / (x ** 2 + 1))),
    ]))
    doc = Doc("product_quotient_chain_lecture.tex", ch, fun_contexts())
    return with_plant(doc, r"&= 2\sin x + 4x\cos x - x^2\sin x \\", r"&= 2\sin x + 2x\cos x - x^2\sin x \\",
                      "ex1", 2, I(r"2\sin x + 2x\cos x - x^2\sin x", const(2 * sx + 2 * x * cx - x ** 2 * sx)),
                      "wrong constant: 2x cos x for 4x cos x (the cross term 2 f'g' = 2 * 2x cos x)")



def quotient_rule_from_product_answer():
    X = x

    def F(c):
        return c["f"](X)

    def G(c):
        return c["g"](X)

    def H(c):
        return c["h"](X)

    def d(c, name, n=1, at=None):
        return D(c[name], X if at is None else at, n)

    ch = []
    ch.append(Chain("recip", [
        I(r"\left(\frac{1}{g}\right)'(x)", lambda c: sp.diff(1 / G(c), X)),
        I(r"r'\bigl(g(x)\bigr)\, g'(x)", lambda c: D(lambda u: 1 / u, G(c)) * d(c, "g")),
        I(r"-\frac{1}{g(x)^2}\, g'(x)", lambda c: -1 / G(c) ** 2 * d(c, "g")),
        I(r"-\frac{g'(x)}{g(x)^2}", lambda c: -d(c, "g") / G(c) ** 2),
    ]))
    ch.append(Chain("quotient", [
        I(r"\left(\frac{f}{g}\right)'", lambda c: sp.diff(F(c) / G(c), X)),
        I(r"\left(f \cdot \frac{1}{g}\right)'", lambda c: sp.diff(F(c) * (1 / G(c)), X)),
        I(r"f' \cdot \frac{1}{g} + f \cdot \left(-\frac{g'}{g^2}\right)", lambda c: d(c, "f") / G(c) + F(c) * (-d(c, "g") / G(c) ** 2)),
        I(r"\frac{f' g}{g^2} - \frac{f g'}{g^2}", lambda c: d(c, "f") * G(c) / G(c) ** 2 - F(c) * d(c, "g") / G(c) ** 2),
        I(r"\frac{f'g - fg'}{g^2}", lambda c: (d(c, "f") * G(c) - F(c) * d(c, "g")) / G(c) ** 2),
    ]))
    ch.append(Chain("f2/g", [
        I(r"\frac{d}{dx}\,\frac{f(x)^2}{g(x)}", lambda c: sp.diff(F(c) ** 2 / G(c), X)),
        I(r"\frac{2f(x)f'(x)\,g(x) - f(x)^2\,g'(x)}{g(x)^2}", lambda c: (2 * F(c) * d(c, "f") * G(c) - F(c) ** 2 * d(c, "g")) / G(c) ** 2),
        I(r"\frac{f(x)\bigl(2f'(x)g(x) - f(x)g'(x)\bigr)}{g(x)^2}", lambda c: F(c) * (2 * d(c, "f") * G(c) - F(c) * d(c, "g")) / G(c) ** 2),
    ]))
    ch.append(Chain("sqrt fg", [
        I(r"\frac{d}{dx}\sqrt{f(x)g(x)}", lambda c: sp.diff(sp.sqrt(F(c) * G(c)), X)),
        I(r"\frac{(fg)'(x)}{2\sqrt{f(x)g(x)}}", lambda c: sp.diff(F(c) * G(c), X) / (2 * sp.sqrt(F(c) * G(c)))),
        I(r"\frac{f'(x)g(x) + f(x)g'(x)}{2\sqrt{f(x)g(x)}}", lambda c: (d(c, "f") * G(c) + F(c) * d(c, "g")) / (2 * sp.sqrt(F(c) * G(c)))),
    ]))
    ch.append(Chain("log sqrt fg", [
        I(r"\frac{\left(\sqrt{fg}\right)'}{\sqrt{fg}}", lambda c: sp.diff(sp.sqrt(F(c) * G(c)), X) / sp.sqrt(F(c) * G(c))),
        I(r"\frac{d}{dx}\ln\sqrt{fg}", lambda c: sp.diff(sp.log(sp.sqrt(F(c) * G(c))), X)),
        I(r"\frac{1}{2}\left(\frac{f'}{f} + \frac{g'}{g}\right)", lambda c: half * (d(c, "f") / F(c) + d(c, "g") / G(c))),
        I(r"\frac{f'g + fg'}{2fg}", lambda c: (d(c, "f") * G(c) + F(c) * d(c, "g")) / (2 * F(c) * G(c))),
    ]))
    t = xp
    rt = sp.sqrt(t)
    ch.append(Chain("check1", [
        I(r"\frac{d}{dx}\,\frac{\sqrt{x}}{1 + x^2}", const(sp.diff(rt / (1 + t ** 2), t))),
        I(r"\frac{\frac{1}{2\sqrt{x}}(1 + x^2) - \sqrt{x}\cdot 2x}{(1 + x^2)^2}", const((1 / (2 * rt) * (1 + t ** 2) - rt * 2 * t) / (1 + t ** 2) ** 2)),
        I(r"\frac{(1 + x^2) - 4x^2}{2\sqrt{x}\,(1 + x^2)^2}", const(((1 + t ** 2) - 4 * t ** 2) / (2 * rt * (1 + t ** 2) ** 2))),
        I(r"\frac{1 - 3x^2}{2\sqrt{x}\,(1 + x^2)^2}", const((1 - 3 * t ** 2) / (2 * rt * (1 + t ** 2) ** 2))),
    ]))
    ch.append(Chain("check2", [
        I(r"\frac{d}{dx}\,\frac{x}{1 + x^2}", const(sp.diff(t / (1 + t ** 2), t))),
        I(r"\frac{\sqrt{x}\bigl(2\cdot\frac{1}{2\sqrt{x}}(1 + x^2) - \sqrt{x}\cdot 2x\bigr)}{(1 + x^2)^2}",
          const(rt * (2 * (1 / (2 * rt)) * (1 + t ** 2) - rt * 2 * t) / (1 + t ** 2) ** 2)),
        I(r"\frac{(1 + x^2) - 2x^2}{(1 + x^2)^2}", const(((1 + t ** 2) - 2 * t ** 2) / (1 + t ** 2) ** 2)),
        I(r"\frac{1 - x^2}{(1 + x^2)^2}", const((1 - t ** 2) / (1 + t ** 2) ** 2)),
    ]))
    ch.append(Chain("compose sq", [
        I(r"\frac{d}{dx}\Bigl[f\bigl(g(x)\bigr)^2\Bigr]", lambda c: sp.diff(c["f"](G(c)) ** 2, X)),
        I(r"2f\bigl(g(x)\bigr)\,\frac{d}{dx}f\bigl(g(x)\bigr)", lambda c: 2 * c["f"](G(c)) * sp.diff(c["f"](G(c)), X)),
        I(r"2f\bigl(g(x)\bigr)\,f'\bigl(g(x)\bigr)\,g'(x)", lambda c: 2 * c["f"](G(c)) * d(c, "f", at=G(c)) * d(c, "g")),
    ]))
    ch.append(Chain("fgh", [
        I(r"\frac{(fgh)'}{fgh}", lambda c: sp.diff(F(c) * G(c) * H(c), X) / (F(c) * G(c) * H(c))),
        I(r"\frac{d}{dx}\bigl(\ln f + \ln g + \ln h\bigr)", lambda c: sp.diff(sp.log(F(c)) + sp.log(G(c)) + sp.log(H(c)), X)),
        I(r"\frac{f'}{f} + \frac{g'}{g} + \frac{h'}{h}", lambda c: d(c, "f") / F(c) + d(c, "g") / G(c) + d(c, "h") / H(c)),
    ]))
    ch.append(Chain("comment", [
        I(r"\left(\frac{f}{g}\right)'", lambda c: sp.diff(F(c) / G(c), X)),
        I(r"\frac{f}{g}\cdot\frac{d}{dx}\bigl(\ln f - \ln g\bigr)", lambda c: F(c) / G(c) * sp.diff(sp.log(F(c)) - sp.log(G(c)), X)),
        I(r"\frac{f}{g}\left(\frac{f'}{f} - \frac{g'}{g}\right)", lambda c: F(c) / G(c) * (d(c, "f") / F(c) - d(c, "g") / G(c))),
        I(r"\frac{f'g - fg'}{g^2}", lambda c: (d(c, "f") * G(c) - F(c) * d(c, "g")) / G(c) ** 2),
    ]))
    doc = Doc("quotient_rule_from_product_answer.md", ch, fun_contexts())
    return with_plant(doc, r"&= \frac{f' g}{g^2} - \frac{f g'}{g^2} \\", r"&= \frac{f' g}{g^2} + \frac{f g'}{g^2} \\",
                      "quotient", 3,
                      I(r"\frac{f' g}{g^2} + \frac{f g'}{g^2}", lambda c: D(c["f"], x) * c["g"](x) / c["g"](x) ** 2 + c["f"](x) * D(c["g"], x) / c["g"](x) ** 2),
                      "sign: + f g'/g^2 for - f g'/g^2 in the quotient-rule derivation")



# ===========================================================================
# family 2: square roots and powers
def roots_powers_problem_sheet():
    r1 = sp.sqrt(x ** 2 + 1)
    ru = sp.sqrt(1 - xu ** 2)
    t = xp
    ch = []
    ch.append(Chain("q1a", [
        I(r"\frac{d}{dx}\sqrt{x^2 + 1}", const(sp.diff(r1, x))),
        I(r"\frac{1}{2}\,(x^2 + 1)^{-1/2}\cdot 2x", const(half * (x ** 2 + 1) ** (-half) * 2 * x)),
        I(r"\frac{x}{\sqrt{x^2 + 1}}", const(x / r1)),
    ]))
    ch.append(Chain("q1b", [
        I(r"\frac{d}{dx}\sqrt{1 - x^2}", const(sp.diff(ru, xu))),
        I(r"\frac{-2x}{2\sqrt{1 - x^2}}", const(-2 * xu / (2 * ru))),
        I(r"-\frac{x}{\sqrt{1 - x^2}}", const(-xu / ru)),
    ]))
    ch.append(Chain("q1c", [
        I(r"\frac{2}{\sqrt{5}}", const(sp.diff(r1, x).subs(x, 2))),
        I(r"\frac{2\sqrt{5}}{5}", const(2 * sp.sqrt(5) / 5)),
    ]))
    ch.append(Chain("q2", [
        I(r"\frac{d}{dx}\,x^{1/3}", const(sp.diff(t ** Q(1, 3), t))),
        I(r"\frac{1}{3}\,x^{-2/3}", const(Q(1, 3) * t ** Q(-2, 3))),
        I(r"\frac{1}{3\sqrt[3]{x^2}}", const(1 / (3 * sp.cbrt(t ** 2)))),
    ]))
    ch.append(Chain("q3a", [
        I(r"\frac{d}{dx}(x^2 + 1)^{3/2}", const(sp.diff((x ** 2 + 1) ** Q(3, 2), x))),
        I(r"\frac{3}{2}\,(x^2 + 1)^{1/2}\cdot 2x", const(Q(3, 2) * (x ** 2 + 1) ** half * 2 * x)),
        I(r"3x\sqrt{x^2 + 1}", const(3 * x * r1)),
    ]))
    ch.append(Chain("q3b", [
        I(r"\frac{d^2}{dx^2}(x^2 + 1)^{3/2}", const(sp.diff((x ** 2 + 1) ** Q(3, 2), x, 2))),
        I(r"3\sqrt{x^2 + 1} + 3x\cdot\frac{x}{\sqrt{x^2 + 1}}", const(3 * r1 + 3 * x * x / r1)),
    ]))
    ch.append(Chain("q3c", [
        I(r"3\sqrt{x^2 + 1} + \frac{3x^2}{\sqrt{x^2 + 1}}", const(3 * r1 + 3 * x ** 2 / r1)),
        I(r"\frac{3(x^2 + 1) + 3x^2}{\sqrt{x^2 + 1}}", const((3 * (x ** 2 + 1) + 3 * x ** 2) / r1)),
        I(r"\frac{6x^2 + 3}{\sqrt{x^2 + 1}}", const((6 * x ** 2 + 3) / r1)),
    ]))
    A4 = (r1 - x * x / r1) / (x ** 2 + 1)
    ch.append(Chain("q4a", [
        I(r"\frac{d}{dx}\,\frac{x}{\sqrt{x^2 + 1}}", const(sp.diff(x / r1, x))),
        I(r"\frac{\sqrt{x^2 + 1} - x\cdot\frac{x}{\sqrt{x^2 + 1}}}{x^2 + 1}", const(A4)),
    ]))
    ch.append(Chain("q4b", [
        I(r"\frac{\sqrt{x^2 + 1} - x\cdot\frac{x}{\sqrt{x^2 + 1}}}{x^2 + 1}", const(A4)),
        I(r"\frac{(x^2 + 1) - x^2}{(x^2 + 1)\sqrt{x^2 + 1}}", const(((x ** 2 + 1) - x ** 2) / ((x ** 2 + 1) * r1))),
        I(r"\frac{1}{(x^2 + 1)^{3/2}}", const(1 / (x ** 2 + 1) ** Q(3, 2))),
    ]))
    ch.append(Chain("q5a", [
        I(r"\frac{1}{\sqrt{x + 1} - \sqrt{x}}", const(1 / (sp.sqrt(t + 1) - sp.sqrt(t)))),
        I(r"\frac{\sqrt{x + 1} + \sqrt{x}}{(x + 1) - x}", const((sp.sqrt(t + 1) + sp.sqrt(t)) / ((t + 1) - t))),
        I(r"\sqrt{x + 1} + \sqrt{x}", const(sp.sqrt(t + 1) + sp.sqrt(t))),
    ]))
    ch.append(Chain("q5b", [
        I(r"\sqrt{x^2 + 1} - x", const(r1 - x)),
        I(r"\frac{(\sqrt{x^2 + 1} - x)(\sqrt{x^2 + 1} + x)}{\sqrt{x^2 + 1} + x}", const((r1 - x) * (r1 + x) / (r1 + x))),
        I(r"\frac{1}{\sqrt{x^2 + 1} + x}", const(1 / (r1 + x))),
    ]))
    ch.append(Chain("q6a", [
        I(r"\sqrt{8} + \sqrt{18}", const(sp.sqrt(8) + sp.sqrt(18))),
        I(r"2\sqrt{2} + 3\sqrt{2}", const(2 * sp.sqrt(2) + 3 * sp.sqrt(2))),
        I(r"5\sqrt{2}", const(5 * sp.sqrt(2))),
    ]))
    ch.append(Chain("q6b", [
        I(r"\frac{6}{\sqrt{3}}", const(6 / sp.sqrt(3))),
        I(r"\frac{6\sqrt{3}}{3}", const(6 * sp.sqrt(3) / 3)),
        I(r"2\sqrt{3}", const(2 * sp.sqrt(3))),
    ]))
    ch.append(Chain("q6c", [
        I(r"\frac{d}{dx}\Bigl(\sqrt{x} + \frac{1}{\sqrt{x}}\Bigr)", const(sp.diff(sp.sqrt(t) + 1 / sp.sqrt(t), t))),
        I(r"\frac{1}{2}x^{-1/2} - \frac{1}{2}x^{-3/2}", const(half * t ** (-half) - half * t ** Q(-3, 2))),
        I(r"\frac{x - 1}{2x\sqrt{x}}", const((t - 1) / (2 * t * sp.sqrt(t)))),
    ]))
    doc = Doc("roots_powers_problem_sheet.tex", ch)
    return with_plant(doc, r"= \frac{3}{2}\,(x^2 + 1)^{1/2}\cdot 2x =", r"= \frac{3}{2}\,(x^2 + 1)^{-1/2}\cdot 2x =",
                      "q3a", 1, I(r"\frac{3}{2}\,(x^2 + 1)^{-1/2}\cdot 2x", const(Q(3, 2) * (x ** 2 + 1) ** (-half) * 2 * x)),
                      "wrong exponent: (x^2 + 1)^{-1/2} for (x^2 + 1)^{1/2} after lowering the power 3/2 by one")


DOCS = [product_quotient_chain_lecture, quotient_rule_from_product_answer, roots_powers_problem_sheet]
