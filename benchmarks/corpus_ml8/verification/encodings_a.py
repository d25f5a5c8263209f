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



def euclidean_norm_gradient_blog():
    def xs(c):
        return vec("x", c["K"])

    def nrm(c):
        return sp.sqrt(sp.Add(*[t ** 2 for t in xs(c)]))

    def xj(c):
        return xs(c)[c["j"] - 1]

    def xi(c):
        return xs(c)[c["i"] - 1]

    SJ = singles("j", 4)
    P4 = pairs(4)
    SI = singles("i", 4)
    ch = []
    ch.append(Chain("def norm", [
        I(r"\|\mathbf{x}\|", nrm),
        I(r"\sqrt{\sum_{k=1}^{n} x_k^2}", lambda c: sp.sqrt(S(lambda k: xs(c)[k - 1] ** 2, 1, c["K"]))),
    ], DEF, [{"K": K} for K in range(1, 5)]))
    ch.append(Chain("first", [
        I(r"\frac{\partial \|\mathbf{x}\|}{\partial x_j}", lambda c: sp.diff(nrm(c), xj(c))),
        I(r"\frac{1}{2\sqrt{\sum_{k=1}^{n} x_k^2}} \cdot \frac{\partial}{\partial x_j} \sum_{k=1}^{n} x_k^2",
          lambda c: 1 / (2 * sp.sqrt(S(lambda k: xs(c)[k - 1] ** 2, 1, c["K"]))) * sp.diff(S(lambda k: xs(c)[k - 1] ** 2, 1, c["K"]), xj(c))),
        I(r"\frac{1}{2\|\mathbf{x}\|} \sum_{k=1}^{n} 2x_k\,\delta_{kj}", lambda c: 1 / (2 * nrm(c)) * S(lambda k: 2 * xs(c)[k - 1] * delta(k, c["j"]), 1, c["K"])),
        I(r"\frac{1}{2\|\mathbf{x}\|} \cdot 2x_j", lambda c: 1 / (2 * nrm(c)) * 2 * xj(c)),
        I(r"\frac{x_j}{\|\mathbf{x}\|}", lambda c: xj(c) / nrm(c)),
    ], ctxs=SJ))
    ch.append(Chain("squared", [
        I(r"\frac{\partial}{\partial x_j}\|\mathbf{x}\|^2", lambda c: sp.diff(nrm(c) ** 2, xj(c))),
        I(r"2\|\mathbf{x}\|\,\frac{x_j}{\|\mathbf{x}\|}", lambda c: 2 * nrm(c) * xj(c) / nrm(c)),
        I(r"2x_j", lambda c: 2 * xj(c)),
    ], ctxs=SJ))

    def ys(c):
        return vec("y", c["K"])

    def dist(c):
        return sp.sqrt(sp.Add(*[(a - b) ** 2 for a, b in zip(xs(c), ys(c))]))

    ch.append(Chain("distance", [
        I(r"\frac{\partial}{\partial x_j}\|\mathbf{x} - \mathbf{y}\|", lambda c: sp.diff(dist(c), xj(c))),
        I(r"\frac{x_j - y_j}{\|\mathbf{x} - \mathbf{y}\|}", lambda c: (xj(c) - ys(c)[c["j"] - 1]) / dist(c)),
    ], ctxs=SJ))
    SK = [{"K": K} for K in range(1, 5)]
    ch.append(Chain("euler", [
        I(r"\sum_{j=1}^{n} x_j\,\frac{\partial \|\mathbf{x}\|}{\partial x_j}", lambda c: S(lambda j: xs(c)[j - 1] * sp.diff(nrm(c), xs(c)[j - 1]), 1, c["K"])),
        I(r"\sum_{j=1}^{n} \frac{x_j^2}{\|\mathbf{x}\|}", lambda c: S(lambda j: xs(c)[j - 1] ** 2 / nrm(c), 1, c["K"])),
        I(r"\frac{\|\mathbf{x}\|^2}{\|\mathbf{x}\|}", lambda c: nrm(c) ** 2 / nrm(c)),
        I(r"\|\mathbf{x}\|", nrm),
    ], ctxs=SK))
    ch.append(Chain("second", [
        I(r"\frac{\partial^2 \|\mathbf{x}\|}{\partial x_i\,\partial x_j}", lambda c: sp.diff(nrm(c), xi(c), xj(c))),
        I(r"\frac{\partial}{\partial x_i}\,\frac{x_j}{\|\mathbf{x}\|}", lambda c: sp.diff(xj(c) / nrm(c), xi(c))),
        I(r"\frac{\delta_{ij}\,\|\mathbf{x}\| - x_j\,\frac{x_i}{\|\mathbf{x}\|}}{\|\mathbf{x}\|^2}",
          lambda c: (delta(c["i"], c["j"]) * nrm(c) - xj(c) * xi(c) / nrm(c)) / nrm(c) ** 2),
        I(r"\frac{\delta_{ij}}{\|\mathbf{x}\|} - \frac{x_i x_j}{\|\mathbf{x}\|^3}", lambda c: delta(c["i"], c["j"]) / nrm(c) - xi(c) * xj(c) / nrm(c) ** 3),
    ], ctxs=P4))
    ch.append(Chain("rowsum", [
        I(r"\sum_{j=1}^{n} \frac{\partial^2 \|\mathbf{x}\|}{\partial x_i\,\partial x_j}\, x_j",
          lambda c: S(lambda j: sp.diff(nrm(c), xi(c), xs(c)[j - 1]) * xs(c)[j - 1], 1, c["K"])),
        I(r"\frac{x_i}{\|\mathbf{x}\|} - \frac{x_i\,\|\mathbf{x}\|^2}{\|\mathbf{x}\|^3}", lambda c: xi(c) / nrm(c) - xi(c) * nrm(c) ** 2 / nrm(c) ** 3),
        I(r"0", const(0)),
    ], ctxs=SI))
    eps = P("varepsilon", 0.05, 1.0)

    def sm(c):
        return sp.sqrt(nrm(c) ** 2 + eps ** 2)

    ch.append(Chain("smoothed", [
        I(r"\frac{\partial}{\partial x_j}\sqrt{\|\mathbf{x}\|^2 + \varepsilon^2}", lambda c: sp.diff(sm(c), xj(c))),
        I(r"\frac{2x_j}{2\sqrt{\|\mathbf{x}\|^2 + \varepsilon^2}}", lambda c: 2 * xj(c) / (2 * sm(c))),
        I(r"\frac{x_j}{\sqrt{\|\mathbf{x}\|^2 + \varepsilon^2}}", lambda c: xj(c) / sm(c)),
    ], ctxs=SJ))
    x1, x2 = vec("x", 2)
    n2 = sp.sqrt(x1 ** 2 + x2 ** 2)
    at = {x1: 3, x2: 4}
    ch.append(Chain("num norm", [
        I(r"\|\mathbf{x}\|", const(n2.subs(at))),
        I(r"\sqrt{3^2 + 4^2}", const(sp.sqrt(3 ** 2 + 4 ** 2))),
        I(r"\sqrt{25}", const(sp.sqrt(25))),
        I(r"5", const(5)),
    ]))
    ch.append(Chain("num grad", [
        I(r"\frac{\partial \|\mathbf{x}\|}{\partial x_1}", const(sp.diff(n2, x1).subs(at))),
        I(r"\frac{3}{5}", const(Q(3, 5))),
    ]))
    ch.append(Chain("num hess", [
        I(r"\frac{\partial^2 \|\mathbf{x}\|}{\partial x_1\,\partial x_2}", const(sp.diff(n2, x1, x2).subs(at))),
        I(r"-\frac{3 \cdot 4}{5^3}", const(-Q(12, 125))),
        I(r"-\frac{12}{125}", const(-Q(12, 125))),
    ]))
    doc = Doc("euclidean_norm_gradient_blog.md", ch)

    def wrong(c):
        xv = vec("x", c["K"])
        nr = sp.sqrt(sp.Add(*[t ** 2 for t in xv]))
        xjv = xv[c["j"] - 1]
        return (delta(c["i"], c["j"]) * nr - xjv * xjv / nr) / nr ** 2
    return with_plant(doc, r"&= \frac{\delta_{ij}\,\|\mathbf{x}\| - x_j\,\frac{x_i}{\|\mathbf{x}\|}}{\|\mathbf{x}\|^2} \\",
                      r"&= \frac{\delta_{ij}\,\|\mathbf{x}\| - x_j\,\frac{x_j}{\|\mathbf{x}\|}}{\|\mathbf{x}\|^2} \\",
                      "second", 2,
                      I(r"\frac{\delta_{ij}\,\|\mathbf{x}\| - x_j\,\frac{x_j}{\|\mathbf{x}\|}}{\|\mathbf{x}\|^2}", wrong),
                      "wrong index: x_j / ||x|| for x_i / ||x|| (the derivative of the denominator by x_i) in the quotient rule")



# ===========================================================================
# family 3: logarithms
def logarithmic_differentiation_handout():
    t = xp
    FUN = fun_contexts()
    ln = sp.log
    ch = []
    ch.append(Chain("logderiv", [
        I(r"\frac{d}{dx}\ln y(x)", lambda c: sp.diff(ln(c["f"](x)), x)),
        I(r"\frac{y'(x)}{y(x)}", lambda c: D(c["f"], x) / c["f"](x)),
    ], ctxs=FUN))
    y1 = t ** t
    ch.append(Chain("ex1 log", [
        I(r"\ln y", const(ln(y1))),
        I(r"\ln\bigl(x^x\bigr)", const(ln(t ** t))),
        I(r"x\ln x", const(t * ln(t))),
    ]))
    ch.append(Chain("ex1 ratio", [
        I(r"\frac{y'}{y}", const(sp.diff(y1, t) / y1)),
        I(r"\frac{d}{dx}(x\ln x)", const(sp.diff(t * ln(t), t))),
        I(r"\ln x + x\cdot\frac{1}{x}", const(ln(t) + t * (1 / t))),
        I(r"\ln x + 1", const(ln(t) + 1)),
    ]))
    ch.append(Chain("ex1", [
        I(r"\frac{d}{dx}x^x", const(sp.diff(y1, t))),
        I(r"y'", const(sp.diff(y1, t))),
        I(r"y\,(\ln x + 1)", const(y1 * (ln(t) + 1))),
        I(r"x^x(\ln x + 1)", const(t ** t * (ln(t) + 1))),
    ]))
    ch.append(Chain("ex1 exp", [
        I(r"\frac{d}{dx}e^{x\ln x}", const(sp.diff(sp.exp(t * ln(t)), t))),
        I(r"e^{x\ln x}(\ln x + 1)", const(sp.exp(t * ln(t)) * (ln(t) + 1))),
    ]))
    ch.append(Chain("ex1 at 1", [
        I(r"\frac{d}{dx}x^x\Big|_{x=1}", const(sp.diff(y1, t).subs(t, 1))),
        I(r"1^1(\ln 1 + 1)", const(sp.Integer(1) ** 1 * (ln(1) + 1))),
        I(r"1", const(1)),
    ]))
    y2 = t ** sp.sqrt(t)
    rt = sp.sqrt(t)
    ch.append(Chain("ex2 ratio", [
        I(r"\frac{y'}{y}", const(sp.diff(y2, t) / y2)),
        I(r"\frac{\ln x}{2\sqrt{x}} + \frac{\sqrt{x}}{x}", const(ln(t) / (2 * rt) + rt / t)),
        I(r"\frac{\ln x}{2\sqrt{x}} + \frac{1}{\sqrt{x}}", const(ln(t) / (2 * rt) + 1 / rt)),
        I(r"\frac{\ln x + 2}{2\sqrt{x}}", const((ln(t) + 2) / (2 * rt))),
    ]))
    ch.append(Chain("ex2", [
        I(r"\frac{d}{dx}x^{\sqrt{x}}", const(sp.diff(y2, t))),
        I(r"x^{\sqrt{x}}\,\frac{\ln x + 2}{2\sqrt{x}}", const(t ** rt * (ln(t) + 2) / (2 * rt))),
    ]))
    ch.append(Chain("general", [
        I(r"\frac{d}{dx} f(x)^{g(x)}", lambda c: sp.diff(c["f"](x) ** c["g"](x), x)),
        I(r"f(x)^{g(x)}\,\frac{d}{dx}\bigl[g(x)\ln f(x)\bigr]", lambda c: c["f"](x) ** c["g"](x) * sp.diff(c["g"](x) * ln(c["f"](x)), x)),
        I(r"f(x)^{g(x)}\Bigl(g'(x)\ln f(x) + \frac{g(x)f'(x)}{f(x)}\Bigr)",
          lambda c: c["f"](x) ** c["g"](x) * (D(c["g"], x) * ln(c["f"](x)) + c["g"](x) * D(c["f"], x) / c["f"](x))),
    ], ctxs=FUN))
    n = P("n_exp", 0.5, 3.0)
    ch.append(Chain("const exponent", [
        I(r"f(x)^{n}\cdot\frac{n f'(x)}{f(x)}", lambda c: c["f"](x) ** n * (n * D(c["f"], x) / c["f"](x))),
        I(r"n f(x)^{n-1} f'(x)", lambda c: n * c["f"](x) ** (n - 1) * D(c["f"], x)),
    ], ctxs=FUN))
    a = P("a_base", 1.5, 5.0)
    ch.append(Chain("a^x", [
        I(r"\frac{d}{dx}a^x", const(sp.diff(a ** x, x))),
        I(r"\frac{d}{dx}e^{x\ln a}", const(sp.diff(sp.exp(x * ln(a)), x))),
        I(r"a^x\ln a", const(a ** x * ln(a))),
    ]))
    ch.append(Chain("log_a", [
        I(r"\frac{d}{dx}\log_a x", const(sp.diff(ln(t) / ln(a), t))),
        I(r"\frac{d}{dx}\,\frac{\ln x}{\ln a}", const(sp.diff(ln(t) / ln(a), t))),
        I(r"\frac{1}{x\ln a}", const(1 / (t * ln(a)))),
    ]))
    y3 = t ** 2 * sp.sqrt(t + 1) / (t + 2) ** 3
    ch.append(Chain("ex3 log", [
        I(r"\ln y", const(ln(y3))),
        I(r"\ln x^2 + \ln\sqrt{x + 1} - \ln(x + 2)^3", const(ln(t ** 2) + ln(sp.sqrt(t + 1)) - ln((t + 2) ** 3))),
        I(r"2\ln x + \frac{1}{2}\ln(x + 1) - 3\ln(x + 2)", const(2 * ln(t) + half * ln(t + 1) - 3 * ln(t + 2))),
    ]))
    ch.append(Chain("ex3 ratio", [
        I(r"\frac{y'}{y}", const(sp.diff(y3, t) / y3)),
        I(r"\frac{2}{x} + \frac{1}{2(x + 1)} - \frac{3}{x + 2}", const(2 / t + 1 / (2 * (t + 1)) - 3 / (t + 2))),
        I(r"\frac{4(x + 1)(x + 2) + x(x + 2) - 6x(x + 1)}{2x(x + 1)(x + 2)}",
          const((4 * (t + 1) * (t + 2) + t * (t + 2) - 6 * t * (t + 1)) / (2 * t * (t + 1) * (t + 2)))),
        I(r"\frac{-x^2 + 8x + 8}{2x(x + 1)(x + 2)}", const((-t ** 2 + 8 * t + 8) / (2 * t * (t + 1) * (t + 2)))),
    ]))
    ch.append(Chain("ex3", [
        I(r"y'", const(sp.diff(y3, t))),
        I(r"\frac{x^2\sqrt{x + 1}}{(x + 2)^3}\cdot\frac{-x^2 + 8x + 8}{2x(x + 1)(x + 2)}",
          const(t ** 2 * sp.sqrt(t + 1) / (t + 2) ** 3 * (-t ** 2 + 8 * t + 8) / (2 * t * (t + 1) * (t + 2)))),
        I(r"\frac{x(-x^2 + 8x + 8)}{2\sqrt{x + 1}\,(x + 2)^4}", const(t * (-t ** 2 + 8 * t + 8) / (2 * sp.sqrt(t + 1) * (t + 2) ** 4))),
    ]))
    doc = Doc("logarithmic_differentiation_handout.tex", ch)
    return with_plant(doc, r"&= \frac{4(x + 1)(x + 2) + x(x + 2) - 6x(x + 1)}{2x(x + 1)(x + 2)} \nonumber\\",
                      r"&= \frac{4(x + 1)(x + 2) - 6x(x + 1)}{2x(x + 1)(x + 2)} \nonumber\\",
                      "ex3 ratio", 2,
                      I(r"\frac{4(x + 1)(x + 2) - 6x(x + 1)}{2x(x + 1)(x + 2)}",
                        const((4 * (t + 1) * (t + 2) - 6 * t * (t + 1)) / (2 * t * (t + 1) * (t + 2)))),
                      "dropped term: x(x + 2) (the 1/(2(x + 1)) term over the common denominator) in the numerator")



def log_derivative_trick_blog():
    from helpers import E_iid, gauss_moments
    ln = sp.log
    FUN = fun_contexts()
    ch = []
    ch.append(Chain("trick a", [
        I(r"\frac{\partial}{\partial \theta} \log p(\theta)", lambda c: sp.diff(ln(c["f"](x)), x)),
        I(r"\frac{p'(\theta)}{p(\theta)}", lambda c: D(c["f"], x) / c["f"](x)),
    ], ctxs=FUN))
    ch.append(Chain("trick b", [
        I(r"p'(\theta)", lambda c: D(c["f"], x)),
        I(r"p(\theta)\, \frac{\partial}{\partial \theta} \log p(\theta)", lambda c: c["f"](x) * sp.diff(ln(c["f"](x)), x)),
    ], ctxs=FUN))
    mu, sg = R("mu"), P("sigma", 0.4, 2.0)
    dens = 1 / (sg * sp.sqrt(2 * sp.pi)) * sp.exp(-(x - mu) ** 2 / (2 * sg ** 2))
    ch.append(Chain("log p", [
        I(r"\log p(x \mid \mu, \sigma)", const(ln(dens))),
        I(r"\log\frac{1}{\sigma\sqrt{2\pi}} - \frac{(x - \mu)^2}{2\sigma^2}", const(ln(1 / (sg * sp.sqrt(2 * sp.pi))) - (x - mu) ** 2 / (2 * sg ** 2))),
        I(r"-\log\sigma - \frac{1}{2}\log(2\pi) - \frac{(x - \mu)^2}{2\sigma^2}", const(-ln(sg) - half * ln(2 * sp.pi) - (x - mu) ** 2 / (2 * sg ** 2))),
    ]))
    ch.append(Chain("dmu", [
        I(r"\frac{\partial}{\partial \mu} \log p", const(sp.diff(ln(dens), mu))),
        I(r"-\frac{2(x - \mu)\cdot(-1)}{2\sigma^2}", const(-(2 * (x - mu) * (-1)) / (2 * sg ** 2))),
        I(r"\frac{x - \mu}{\sigma^2}", const((x - mu) / sg ** 2)),
    ]))
    ch.append(Chain("dsigma", [
        I(r"\frac{\partial}{\partial \sigma} \log p", const(sp.diff(ln(dens), sg))),
        I(r"-\frac{1}{\sigma} + \frac{(x - \mu)^2}{\sigma^3}", const(-1 / sg + (x - mu) ** 2 / sg ** 3)),
        I(r"\frac{(x - \mu)^2 - \sigma^2}{\sigma^3}", const(((x - mu) ** 2 - sg ** 2) / sg ** 3)),
    ]))
    ch.append(Chain("dp", [
        I(r"\frac{\partial p}{\partial \mu}", const(sp.diff(dens, mu))),
        I(r"p\, \frac{\partial \log p}{\partial \mu}", const(dens * sp.diff(ln(dens), mu))),
        I(r"\frac{x - \mu}{\sigma^2}\cdot \frac{1}{\sigma\sqrt{2\pi}} e^{-(x - \mu)^2/(2\sigma^2)}", const((x - mu) / sg ** 2 * dens)),
    ]))
    Xg = R("X_gauss")
    gm = gauss_moments(mu, sg ** 2)

    def EX(e):
        return E_iid(e, [Xg], gm)

    ch.append(Chain("E score mu", [
        I(r"\mathbb{E}\Bigl[\frac{X - \mu}{\sigma^2}\Bigr]", const(EX((Xg - mu) / sg ** 2))),
        I(r"\frac{\mathbb{E}[X] - \mu}{\sigma^2}", const((EX(Xg) - mu) / sg ** 2)),
        I(r"0", const(0)),
    ]))
    ch.append(Chain("E score sigma", [
        I(r"\mathbb{E}\Bigl[\frac{(X - \mu)^2 - \sigma^2}{\sigma^3}\Bigr]", const(EX(((Xg - mu) ** 2 - sg ** 2) / sg ** 3))),
        I(r"\frac{\sigma^2 - \sigma^2}{\sigma^3}", const((sg ** 2 - sg ** 2) / sg ** 3)),
        I(r"0", const(0)),
    ]))
    ex = sp.exp(x)
    sp_ = ln(1 + ex)
    ch.append(Chain("softplus", [
        I(r"\frac{d}{dx} \log(1 + e^{x})", const(sp.diff(sp_, x))),
        I(r"\frac{1}{1 + e^{x}}\cdot e^{x}", const(1 / (1 + ex) * ex)),
        I(r"\frac{e^{x}}{1 + e^{x}}", const(ex / (1 + ex))),
        I(r"\frac{1}{1 + e^{-x}}", const(1 / (1 + sp.exp(-x)))),
    ]))
    ch.append(Chain("softplus2", [
        I(r"\frac{d^2}{dx^2} \log(1 + e^{x})", const(sp.diff(sp_, x, 2))),
        I(r"\frac{d}{dx}\, \frac{1}{1 + e^{-x}}", const(sp.diff(1 / (1 + sp.exp(-x)), x))),
        I(r"\frac{e^{-x}}{(1 + e^{-x})^2}", const(sp.exp(-x) / (1 + sp.exp(-x)) ** 2)),
        I(r"\frac{e^{x}}{(1 + e^{x})^2}", const(ex / (1 + ex) ** 2)),
    ]))
    ch.append(Chain("mirror", [
        I(r"\log(1 + e^{x}) - \log(1 + e^{-x})", const(ln(1 + ex) - ln(1 + sp.exp(-x)))),
        I(r"\log\frac{1 + e^{x}}{1 + e^{-x}}", const(ln((1 + ex) / (1 + sp.exp(-x))))),
        I(r"\log e^{x}", const(ln(ex))),
        I(r"x", const(x)),
    ]))
    a, b = R("a"), R("b")
    ea, eb = sp.exp(a), sp.exp(b)
    ch.append(Chain("lse grad", [
        I(r"\frac{\partial}{\partial a} \log(e^{a} + e^{b})", const(sp.diff(ln(ea + eb), a))),
        I(r"\frac{e^{a}}{e^{a} + e^{b}}", const(ea / (ea + eb))),
        I(r"\frac{1}{1 + e^{b - a}}", const(1 / (1 + sp.exp(b - a)))),
    ]))
    ch.append(Chain("lse sum", [
        I(r"\frac{e^{a}}{e^{a} + e^{b}} + \frac{e^{b}}{e^{a} + e^{b}}", const(ea / (ea + eb) + eb / (ea + eb))),
        I(r"1", const(1)),
    ]))
    ch.append(Chain("lse stable", [
        I(r"\log(e^{a} + e^{b})", const(ln(ea + eb))),
        I(r"\log\bigl(e^{a}(1 + e^{b - a})\bigr)", const(ln(ea * (1 + sp.exp(b - a))))),
        I(r"a + \log(1 + e^{b - a})", const(a + ln(1 + sp.exp(b - a)))),
    ]))
    ch.append(Chain("lse softplus", [
        I(r"\log(e^{x} + e^{0})", const(ln(ex + sp.exp(0)))),
        I(r"\log(1 + e^{x})", const(ln(1 + ex))),
    ]))
    ch.append(Chain("num lse", [
        I(r"\log(e^{\log 3} + e^{0})", const(ln(sp.exp(ln(3)) + sp.exp(0)))),
        I(r"\log 4", const(ln(4))),
        I(r"2\log 2", const(2 * ln(2))),
    ]))
    ch.append(Chain("num grad", [
        I(r"\frac{e^{\log 3}}{e^{\log 3} + e^{0}}", const(sp.exp(ln(3)) / (sp.exp(ln(3)) + 1))),
        I(r"\frac{3}{4}", const(Q(3, 4))),
    ]))
    doc = Doc("log_derivative_trick_blog.md", ch)
    return with_plant(doc, r"= \frac{1}{1 + e^{x}}\cdot e^{x} =", r"= \frac{1}{1 + e^{x}} =",
                      "softplus", 1, I(r"\frac{1}{1 + e^{x}}", const(1 / (1 + ex))),
                      "dropped factor: the inner derivative e^{x} in the chain rule for log(1 + e^{x})")


DOCS = [product_quotient_chain_lecture, quotient_rule_from_product_answer, roots_powers_problem_sheet,
        euclidean_norm_gradient_blog, logarithmic_differentiation_handout, log_derivative_trick_blog]
