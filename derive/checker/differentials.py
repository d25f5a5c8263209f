"""Links between differentials, as a substitution writes them: du = 2x dx where the text defined
u = 1 + x² holds because u'(x) = 2x."""

from __future__ import annotations

import re

from sympy import Expr

from derive.checker.definitions import Definitions
from derive.checker.written import read
from derive.errors import DeriveError
from derive.exprs import preorder
from derive.parse import names
from derive.render.printer import text as plain
from derive.verify import compare


def has_differentials(expr: Expr) -> bool:
    """du, \\mathrm{d}x outside an integral: a factor d beside a name (read as the product d·u)."""
    d = names.make("d")
    return any(node.is_Mul and d in node.args and any(not a.is_number and a != d for a in node.args)
               for node in preorder(expr))


# "2x \, \mathrm{d}x": what multiplies the differential, and the name it is of; dw_1 and dW^{[2]} match too,
# so that the link is undecided (the courses' shorthand for ∂L/∂w, which differential_link declines)
DIFFERENTIAL = re.compile(r"^(.*?)[\s,;!\\]*(?:\\mathrm\{d\}|\\operatorname\{d\}|\\text\{d\}|(?<![A-Za-z\\])d)\s*"
                          r"(\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?(?:\^\{[(\[][A-Za-z0-9]+[)\]]\})?|\\hat\{[A-Za-z]\})\s*$",
                          re.DOTALL)


def differential_link(left: str, right: str, variable: str, known: Definitions) -> tuple[bool, str, str] | None:
    """du = 2x dx where the text defined u = 1 + x²: (u'(x) = 2x, how it was shown, what u' is); None where the
    sides are not a multiple of one differential each, or neither name is a function of the other."""
    sides = [DIFFERENTIAL.match(side.strip()) for side in (left, right)]
    if None in sides or any(re.search(r"[_^]", m.group(2)) for m in sides):
        return None  # (dw_1 = x_1 dz, dW^{[2]}: the deep-learning courses' dz is ∂L/∂z, no differential)
    try:
        (fa, a), (fb, b) = [(read(m.group(1).strip() or "1", variable, known), names.make(names.spelled(m.group(2))
                             or "?")) for m in sides]
        va, vb = (read(m.group(2), variable, known) for m in sides)
    except (DeriveError, TypeError):
        return None
    for (f, v, x), (g, w) in (((fa, va, b), (fb, vb)), ((fb, vb, a), (fa, va))):
        if w.is_Symbol and w == x and v.has(x):  # du = g dx with u = u(x); also x dx = ½ du
            verdict, method = compare(f * v.diff(x), g)
            if verdict is not None:
                return verdict, method, f"d/d{plain(x)} of {plain(v)} is {plain(v.diff(x))}"
    return None
