"""derive's exceptions. Free of SymPy, so that the command line can catch them without loading it.

Each carries the exit status the derive command gives it: 2 for input derive cannot use, 3 for an
exceeded limit, 70 for a fault of derive's own (a rule that wrote a step it cannot prove).
"""


class DeriveError(Exception):
    exit_code = 2


class ParseError(DeriveError, ValueError):
    """The text is not an expression derive can read; position is a 0-based column, when known."""

    def __init__(self, message: str, text: str = "", position: int | None = None) -> None:
        super().__init__(message)
        self.text, self.position = text, position

    def __reduce__(self):  # keep text and position across a process boundary (derive.sandbox)
        return type(self), (str(self), self.text, self.position)

    def pointed(self) -> str:
        """The message, and the line of input with a caret under the column, when known."""
        if self.position is None or not self.text:
            return str(self)
        start = self.text.rfind("\n", 0, self.position) + 1
        end = self.text.find("\n", self.position)
        line = self.text[start:end if end >= 0 else None]
        column = self.position - start
        return f"{self}, at column {column + 1}\n  {line}\n  {' ' * column}^"


class RuleError(DeriveError, ValueError):
    """A rule was asked to rewrite an expression it does not apply to."""


class VerificationError(DeriveError, ValueError):
    """A rule produced a step that derive cannot prove equal to the one before: a bug in that rule."""

    exit_code = 70


class LimitError(DeriveError):
    """The input, or the work it asks for, exceeds one of derive's limits (size, depth, time, memory)."""

    exit_code = 3


def as_limit(exc: BaseException) -> BaseException:
    """exc, or the LimitError it stands for: Python refuses to print an integer of more than 4300 digits,
    and a product of numbers each within derive's limits can make one (10^{3999} · 10^{3999})."""
    if isinstance(exc, ValueError) and "integer string conversion" in str(exc):
        return LimitError("a number of more than 4300 digits, which Python does not print")
    return exc
