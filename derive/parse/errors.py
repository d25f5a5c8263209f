"""derive's own exceptions for text it cannot read."""


class ParseError(ValueError):
    """The text is not an expression derive can read; position is a 0-based column, when known."""

    def __init__(self, message: str, text: str = "", position: int | None = None) -> None:
        super().__init__(message)
        self.text, self.position = text, position
