"""The softmax's Jacobian, ∂s_i/∂z_j = s_i(δ_ij − s_j), and the gradient of the cross-entropy through it,
∂L/∂z_j = s_j − y_j, as lecture notes on neural networks derive them: the second derivation of a
course, after the sigmoid's. Written with the public API a user writes a route with, begin(expr).then(…).

Each line is proved by derive.verify; lines about every index are checked by instances (K = 1 … 4
classes, the indices i, j in every relation). The last step of the gradient uses the fact the text
states, that the targets sum to one (Σ_k y_k = 1): certified as given, and the end checked against
the start wherever that fact holds.
"""

from __future__ import annotations

from dataclasses import replace

from sympy import Derivative, Expr, Indexed, IndexedBase, S, Sum, Symbol, exp, log

from derive.derivation import Derivation, begin
from derive.engine import Differentiate
from derive.errors import VerificationError
from derive.exprs import add, div, mul, neg, shape
from derive.functions import softmax
from derive.parse import parse
from derive.render.document import Document, Section
from derive.render.printer import latex
from derive.rules import algebra as A
from derive.rules import calculus as C
from derive.rules.indexed import CollapseDelta, ConstantOutOfSum, SoftmaxRule, SplitSum
from derive.verify import certify_under


class Softmax:
    """The objects of the derivation: z_i, z_j, the terms z_k, the normaliser Σ_k e^{z_k}, s_i, s_j."""

    def __init__(self) -> None:
        self.body_i = parse(r"\frac{e^{z_i}}{\sum_{k=1}^{K} e^{z_k}}", "latex")
        self.body_j = parse(r"\frac{e^{z_j}}{\sum_{k=1}^{K} e^{z_k}}", "latex")
        self.normaliser = self.body_i.args[1].base  # Σ_k e^{z_k}, as the reader made it
        self.k, _, self.K = self.normaliser.limits[0]
        self.z_i, self.z_j = Symbol("z_i", real=True), Symbol("z_j", real=True)
        self.s_i, self.s_j = softmax(self.z_i, self.normaliser), softmax(self.z_j, self.normaliser)
        self.delta_ij = Symbol("delta_ij", real=True)
        z, y = IndexedBase("z", real=True), IndexedBase("y", real=True)
        self.y_k, self.y_j = y[self.k], Symbol("y_j", real=True)
        self.s_k = softmax(z[self.k], self.normaliser)
        self.targets = Sum(self.y_k, (self.k, 1, self.K))  # Σ_k y_k, which is 1


def jacobian(f: Softmax) -> Derivation:
    """∂/∂z_j (e^{z_i}/Σ_k e^{z_k}) by the quotient rule, to s_i(δ_ij − s_j)."""
    d = (begin(Derivative(f.body_i, f.z_j), title="the softmax Jacobian")
         .then(C.QuotientRule())
         .then(Differentiate(), CollapseDelta(),
               note=r"work out the derivatives: $\frac{\partial e^{z_i}}{\partial z_j} = e^{z_i} \delta_{ij}$, "
                    r"and of the sum only its term $k = j$ is left"))
    e_i, e_j = exp(f.z_i), exp(f.z_j)  # the next line: (e^{z_i}/Σ) δ_ij − (e^{z_i}/Σ)(e^{z_j}/Σ)
    split = add(mul(div(e_i, f.normaliser), f.delta_ij),
                neg(mul(div(e_i, f.normaliser), div(e_j, f.normaliser))))
    d = d.then(A.Rewrite(d.result, split, "split the fraction",
                         r"$\frac{a \Sigma - b}{\Sigma^{2}} = \frac{a}{\Sigma} - \frac{b}{\Sigma^{2}}$"))
    return (d.then(A.Substitute(f.s_i, f.body_i), A.Substitute(f.s_j, f.body_j),
                   note=r"substitute $s_i$ and $s_j$")
            .then(A.FactorOut(f.s_i), same_line=True))


def gradient(f: Softmax) -> Derivation:
    """∂/∂z_j of L = −Σ_k y_k log s_k, through the Jacobian, to s_j − y_j given Σ_k y_k = 1."""
    loss = neg(Sum(mul(f.y_k, log(f.s_k)), (f.k, 1, f.K)))
    d = (begin(Derivative(loss, f.z_j), title="the gradient of the cross-entropy")
         .then(C.ConstantMultipleRule(), C.SumOverIndexRule(), C.ConstantMultipleRule(),
               note="take the derivative of the sum term by term")
         .then(C.ChainRule(), note=r"apply the chain rule to the logarithm: "
                                   r"$\frac{\partial}{\partial z_j} \log s_k = \frac{1}{s_k} \frac{\partial s_k}{\partial z_j}$")
         .then(SoftmaxRule(), note="use the softmax Jacobian derived above"))
    cancelled = neg(Sum(mul(f.y_k, add(_delta_kj(f), neg(f.s_j))), (f.k, 1, f.K)))
    d = d.then(A.Rewrite(d.result, cancelled, "cancel", r"$\frac{y_k}{s_k}\, s_k = y_k$"))
    d = d.then(SplitSum(), ConstantOutOfSum(), note="split the sum, and take $s_j$ out of it")
    d = d.then(CollapseDelta(), note=r"let $\delta_{kj}$ pick out the term $k = j$")
    d = d.then(A.UseFact(f.targets, S.One, "use that the targets sum to one"))
    return d.then(A.Rewrite(d.result, add(f.s_j, neg(f.y_j)), "tidy the signs"), same_line=True)


def _delta_kj(f: Softmax) -> Expr:
    """δ_kj inside the sum over k, as the index rule writes it."""
    return Indexed(IndexedBase("delta", real=True), f.k, Symbol("j", real=True))


def _checked(d: Derivation, target: Expr, facts: tuple = ()) -> Derivation:
    """The route must end at target, written so, and equal to its start (wherever the facts hold)."""
    certificate = certify_under(d.start, d.result, facts)
    if shape(d.result) != shape(target) or certificate is None:
        raise VerificationError(f"the {d.title} route ends at {d.result}, not at {target}")
    return replace(d, end_to_end=certificate)


def softmax_document() -> Document:
    """What `derive softmax` prints."""
    f = Softmax()
    jac = _checked(jacobian(f), mul(f.s_i, add(f.delta_ij, neg(f.s_j))))
    grad = _checked(gradient(f), add(f.s_j, neg(f.y_j)), ((f.targets, S.One),))
    softmax_formula = rf"s_i = {latex(f.body_i)}"
    loss_formula = r"L = -\sum_{k=1}^{K} y_{k} \log s_{k}, \qquad \sum_{k=1}^{K} y_{k} = 1"
    definition = "\\begin{equation}\n" + softmax_formula + " \\tag{$s$}\\label{eqn:softmax}\n\\end{equation}"
    loss = "\\begin{equation}\n" + loss_formula + " \\tag{$L$}\\label{eqn:loss}\n\\end{equation}"
    sections = (
        Section(r"The softmax turns a vector of scores $z_1, \dots, z_K$ into probabilities $s_1, \dots, s_K$, "
                r"positive and summing to one:", display=definition, formula=softmax_formula),
        Section(r"Its Jacobian: we take the derivative of $s_i$ with respect to $z_j$, for every pair of "
                r"indices at once; $\delta_{ij}$ is 1 where $i = j$ and 0 where not.", jac),
        Section(r"The cross-entropy of the softmax against targets $y_k$ that sum to one (a one-hot label, "
                r"or a smoothed one):", display=loss, formula=loss_formula),
        Section("Its gradient with respect to the scores goes through the Jacobian:", grad),
    )
    closing = (r"So $\frac{\partial s_i}{\partial z_j} = s_i(\delta_{ij} - s_j)$ and $\frac{\partial L}{\partial z_j} "
               r"= s_j - y_j$: the prediction minus the target. Every line above was produced by the rule named "
               r"for it and checked against the line before, at $K = 1, \dots, 4$ classes and for every relation "
               r"of the indices.")
    code = [("softmax_jacobian", ["i", "j"], jac.result), ("cross_entropy_grad", ["j"], grad.result)]
    return Document(title="The derivative of the softmax and of the cross-entropy", sections=sections,
                    explains=(jac, grad), closing=closing, meta={"route": "softmax", "indexed_code": code})
