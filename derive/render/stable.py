"""The forms of σ, softplus, sech and csch that stay finite in code (e^{1000} is inf, inf/inf is nan):
the rewriting of an expression into calls of them, and the helpers' defs, in plain Python and NumPy.
"""

from __future__ import annotations

from string import Template

from sympy import Add, Expr, Mul, Pow, S, bottom_up, cosh, csch, exp, log, sech, sinh

from derive.exprs import tidy
from derive.functions import sigmoid, softplus


def stable(expr: Expr) -> Expr:
    """expr with σ and softplus by name where their closed forms stand (1/(1 + e^{−u}), e^u/(1 + e^u),
    log(1 + e^u)), log σ(u) as −softplus(−u), 1/cosh as sech: identities, whose sides differ in that the
    helpers evaluate these without overflow."""
    return bottom_up(tidy(expr), _stable_node)


def _stable_node(node: Expr) -> Expr:
    if isinstance(node, Pow) and node.exp.is_Integer and node.exp < 0:
        a = _one_plus_exp(node.base)
        if a is not None:  # 1/(1 + e^a)^k = σ(−a)^k
            return sigmoid(-a) ** -node.exp
    if isinstance(node, Pow) and node.exp.is_negative and isinstance(node.base, (cosh, sinh)):
        reciprocal = sech if isinstance(node.base, cosh) else csch  # 1/cosh(1000) is 0, yet cosh(1000) overflows
        return reciprocal(node.base.args[0]) ** -node.exp
    if isinstance(node, Mul):
        return _exp_into_sigmoid(node)
    if isinstance(node, log):
        return _stable_log(node.args[0]) or node
    return node


def _one_plus_exp(e: Expr) -> Expr | None:
    """a, where e is 1 + e^a."""
    if isinstance(e, Add) and len(e.args) == 2 and S.One in e.args:
        other = e.args[1] if e.args[0] == 1 else e.args[0]
        if isinstance(other, exp):
            return other.args[0]
    return None


def _exp_into_sigmoid(product: Mul) -> Expr:
    """e^{−mb} σ(b)^k = σ(−b)^m σ(b)^{k−m} for 0 < m ≤ k (e^{−b}σ(b) = σ(−b)): the e^{−mb} alone overflows
    where the product does not (σ' = e^{−x}/(1 + e^{−x})² at x = −1000)."""
    factors = list(product.args)
    for i, power in enumerate(factors):
        base, k = power.as_base_exp()
        if not (isinstance(base, sigmoid) and k.is_Integer and k > 0):
            continue
        b = base.args[0]
        for j, factor in enumerate(factors):
            m = factor.args[0] / -b if isinstance(factor, exp) else None
            if m is not None and m.is_Integer and 0 < m <= k:
                factors[i] = sigmoid(-b) ** m * base ** (k - m)
                del factors[j]
                rest = Mul(*factors)
                return _exp_into_sigmoid(rest) if isinstance(rest, Mul) else rest
    return product


def _stable_log(arg: Expr) -> Expr | None:
    if (a := _one_plus_exp(arg)) is not None:  # log(1 + e^a) = softplus(a)
        return softplus(a)
    base, k = arg.as_base_exp()
    if isinstance(base, sigmoid) and k.is_real:  # log σ(u)^k = −k softplus(−u), e^{−u} never formed
        return -k * softplus(-base.args[0])
    if isinstance(1 - arg, sigmoid):  # log(1 − σ(u)) = log σ(−u) = −softplus(u)
        return -softplus((1 - arg).args[0])
    return None


LIBRARY = {
    "python": {
        "sigmoid": """\
def sigmoid($u):
    # math.exp(-$u) overflows for $u < -709: there e^$u/(1 + e^$u), whose e^$u is at most 1
    if $u >= 0:
        return 1 / (1 + math.exp(-$u))
    e = math.exp($u)
    return e / (1 + e)
""",
        "softplus": """\
def softplus($u):
    # log(1 + e^$u) = log1p(e^-|$u|) + max($u, 0): e^$u alone overflows for $u > 709
    return math.log1p(math.exp(-abs($u))) + max($u, 0)
""",
        "sech": """\
def sech($u):
    # 2/(e^$u + e^-$u) with e^-|$u| only: cosh overflows past |$u| = 710
    e = math.exp(-abs($u))
    return 2 * e / (1 + e * e)
""",
        "csch": """\
def csch($u):
    # 2/(e^$u - e^-$u) with e^-|$u| only: sinh overflows past |$u| = 710
    return math.copysign(2 * math.exp(-abs($u)) / -math.expm1(-2 * abs($u)), $u)
""",
    },
    "numpy": {
        "sigmoid": """\
def sigmoid($u):
    # e^-|$u| is at most 1: 1/(1 + e^-$u) for $u >= 0, e^$u/(1 + e^$u) below, neither overflows
    e = numpy.exp(-numpy.abs($u))
    return numpy.where($u >= 0, 1 / (1 + e), e / (1 + e))
""",
        "softplus": """\
def softplus($u):
    # log(e^0 + e^$u), which NumPy computes without overflow
    return numpy.logaddexp(0, $u)
""",
        "sech": """\
def sech($u):
    # 2/(e^$u + e^-$u) with e^-|$u| only: cosh overflows past |$u| = 710
    e = numpy.exp(-numpy.abs($u))
    return 2 * e / (1 + e * e)
""",
        "csch": """\
def csch($u):
    # 2/(e^$u - e^-$u) with e^-|$u| only: sinh overflows past |$u| = 710
    return numpy.sign($u) * 2 * numpy.exp(-numpy.abs($u)) / -numpy.expm1(-2 * numpy.abs($u))
""",
    },
}

VECTORIZED = """\
def $name($u):
    # NumPy has no $name: math's, element by element
    return numpy.vectorize(math.$name, otypes=[float])($u)
"""


def library(numpy: bool, vectorized: set[str] | frozenset[str], name: str, arg: str = "u") -> str | None:
    """The def of one stable helper (or NumPy's stand-in for a function only math has, when name is
    among vectorized), None if there is none."""
    template = LIBRARY["numpy" if numpy else "python"].get(name)
    if template is None and name in vectorized:
        template = VECTORIZED
    return Template(template).substitute(u=arg, name=name) if template else None
