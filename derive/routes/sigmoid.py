"""The origin document's derivation of σ'(x) = σ(x)(1 − σ(x)), by two routes.

Written with the same public API a user writes a route with: begin(expr).then(rule, …).
"""

from __future__ import annotations

from dataclasses import replace

from sympy import Derivative, Pow, S, Symbol, exp

from derive.derivation import Derivation, begin
from derive.engine import Differentiate
from derive.errors import VerificationError
from derive.exprs import add, div, mul, neg, shape
from derive.functions import sigmoid
from derive.rules import algebra as A
from derive.render.document import Document, Section
from derive.render.printer import latex
from derive.rules import calculus as C
from derive.verify import equivalent

ROUTES = ("quotient", "chain")


def _definition(x: Symbol):
    return Pow(add(S.One, exp(neg(x), evaluate=False)), -1, evaluate=False)


def rewrite_block(x: Symbol) -> Derivation:
    """1/(1+e^{-x}) = e^x/(e^x(1+e^{-x})) = e^x/(e^x + e^x e^{-x}) = e^x/(e^x + e^0) = e^x/(e^x + 1)."""
    return (
        begin(_definition(x), title="rewrite sigma")
        .then(A.ExpandFraction(exp(x)))
        .then(A.Distribute())
        .then(A.CombinePowers(), same_line=True)
        .then(A.ExpZero(), same_line=True)
    )


def quotient_route(x: Symbol) -> Derivation:
    """The document's block 2, lines (1)-(4)."""
    ex = exp(x)
    body = div(ex, add(ex, S.One))
    return (
        begin(Derivative(body, x), title="derivative of sigma (quotient rule)")
        .then(C.QuotientRule())  # (1)
        .then(Differentiate(), note="work out the derivatives left by the quotient rule")  # (2)
        .then(A.SplitFraction(), A.SquareAsProduct())  # (3)
        .then(A.Substitute(sigmoid(x), body))  # (4)
        .then(A.FactorOut(sigmoid(x)), same_line=True)
    )


def chain_route(x: Symbol) -> Derivation:
    """d/dx (1 + e^{-x})^{-1} by the chain rule, to the same σ(x)(1 − σ(x))."""
    u = add(S.One, exp(neg(x), evaluate=False))
    one_over_u = Pow(u, -1, evaluate=False)
    second = div(exp(neg(x), evaluate=False), u)  # e^{-x}/(1 + e^{-x}), which is 1 − σ(x)
    d = (
        begin(Derivative(one_over_u, x), title="derivative of sigma (chain rule)")
        .then(C.ChainRule())
        .then(Differentiate(), note="work out the derivative of the inner function")  # (signs cancel in it)
    )
    d = d.then(A.Rewrite(d.result, mul(one_over_u, second), "write as a product of two fractions",
                         r"$\frac{a}{b^{2}} = \frac{1}{b} \cdot \frac{a}{b}$"))
    d = d.then(A.Rewrite(second, add(S.One, neg(one_over_u)), "add and subtract 1 in the numerator",
                         r"$\frac{e^{-x}}{1+e^{-x}} = \frac{1 + e^{-x} - 1}{1+e^{-x}} = 1 - \frac{1}{1+e^{-x}}$"))
    return d.then(A.Substitute(sigmoid(x), one_over_u))


def _check_end(d: Derivation, x: Symbol) -> Derivation:
    """The route must end at σ(x)(1 − σ(x)), written so, and equal to the start taken directly:
    the derivation with that end-to-end certificate."""
    target = mul(sigmoid(x), add(S.One, neg(sigmoid(x))))
    if shape(d.result) != shape(target) or equivalent(d.result, target) is None:
        raise VerificationError(f"the {d.title} route ends at {d.result}, not at σ(x)(1 − σ(x))")
    return d.checked_end_to_end()


def sigmoid_document(route: str = "quotient", x: Symbol | None = None) -> Document:
    """What `derive sigmoid` prints: the document's derivation by the chosen route, with its prose."""
    if route not in ROUTES:
        raise ValueError(f"unknown route {route!r}; choose one of {', '.join(ROUTES)}")
    x = x if x is not None else Symbol("x", real=True)
    definition = rf"""\begin{{equation}}
\sigma({latex(x)}) = {latex(_definition(x))} \tag{{$\sigma$}}\label{{eqn:sigmoid}}
\end{{equation}}"""
    intro = Section(
        r"The sigmoid function $\sigma(x)$, also called the logistic function or expit, is the inverse of "
        r"the logit function. It maps the real numbers to the interval $(0, 1)$:",
        display=definition,
    )
    if route == "quotient":
        derivative = quotient_route(x)
        sections = (
            intro,
            Section("First we bring the formula into a form that suits the quotient rule, "
                    "by expanding the fraction by $e^{x}$:", rewrite_block(x), style="aligned"),
            Section("Now we take the derivative:", derivative),
        )
    else:
        derivative = chain_route(x)
        sections = (intro, Section(r"We differentiate $(1 + e^{-x})^{-1}$ directly, by the chain rule:",
                                   derivative))
    derivative = _check_end(derivative, x)
    sections = sections[:-1] + (replace(sections[-1], derivation=derivative),)
    closing = (r"So $\sigma'(x) = \sigma(x)\left(1 - \sigma(x)\right)$: the derivative of the sigmoid "
               r"in terms of the sigmoid itself. Every line above was produced by the rule named for it "
               r"and checked against the line before.")
    return Document(
        title="The derivative of the sigmoid function",
        sections=sections,
        explains=derivative,
        closing=closing,
        meta={"route": route, "code": {"f": _definition(x), "derivative": derivative.result, "x": x,
                                       "name": "sigmoid", "in_terms_of": sigmoid(x)}},
    )
