"""derive: derivations shown step by step, each step a named rule, checked against the one before.

`import derive` stays light (no SymPy) so that `derive --help` answers fast; the public names
below are loaded on first use.
"""

__version__ = "0.1.0"

# public name -> module that defines it
_LAZY = {
    "Step": "derive.derivation",
    "Derivation": "derive.derivation",
    "Certificate": "derive.record",
    "begin": "derive.derivation",
    "sigmoid": "derive.functions",
    "equivalent": "derive.verify",
    "differentiate_pending": "derive.engine",
    "sigmoid_document": "derive.routes.sigmoid",
    "Document": "derive.render.document",
    "differentiate": "derive.automatic",
    "check": "derive.checker",
    "CheckReport": "derive.checker",
    "parse": "derive.parse",
    "run_limited": "derive.sandbox",
    "LimitError": "derive.errors",
    "DeriveError": "derive.errors",
    "ParseError": "derive.errors",
    "RuleError": "derive.errors",
    "VerificationError": "derive.errors",
}

__all__ = ["__version__", *_LAZY]


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'derive' has no attribute {name!r}")
