"""The lemmas proved once (derive.lemmas, derive.proved_lemmas): every table entry proved again here,
lookups only for the same equality up to the names of its symbols, and never for a user's function."""

import re

import sympy
from sympy import S, Derivative, Dummy, Float, Function, IndexedBase, Symbol, cos, exp, sin

import derive.verify as verify
from derive import differentiate, lemmas
from derive.functions import define, sigmoid, softplus
from derive.proved_lemmas import LEMMAS
from derive.verify import certify_part, equivalent

x = Symbol("x", real=True)
t = Symbol("t", real=True)


def _rebuilt(name: str):
    """The equality a key names, built back from the key's text (unevaluated, as the rules build it:
    an evaluated Add would sort its terms)."""
    heads = {**vars(sympy), "sigmoid": sigmoid, "softplus": softplus}
    tokens = re.findall(r"[\w.!/:-]+|[\[\](),=]", name)
    symbols: dict[str, Symbol] = {}

    def node(k: int):
        word, k = tokens[k], k + 1
        if word.endswith(":") or re.fullmatch(r"u\d+", word):  # a name, or a rule's fresh u (a Dummy)
            if tokens[k] == "[":
                facts, k = [], k + 1
                while tokens[k] != "]":
                    facts.append(tokens[k])
                    k += 1 + (tokens[k + 1] == ",")
                kind = Symbol if word.endswith(":") else Dummy
                symbols[word] = kind(word.rstrip(":"), **{f.lstrip("!"): not f.startswith("!") for f in facts})
                k += 1
            return symbols[word], k
        if k == len(tokens) or tokens[k] != "(":  # a number, or a constant by its class name
            return (getattr(S, word) if word[0].isalpha() else _number(word)), k
        head = heads.get(word) or Function(word)  # (operand_1: a rule's unknown function)
        args, k = [], k + 1
        while tokens[k] != ")":
            arg, k = node(k)
            args.append(arg)
            k += 1  # the comma after each argument
        return head(*args), k + 1

    with sympy.evaluate(False):
        a, k = node(0)
        assert tokens[k] == "="
        b, k = node(k + 1)
    assert k == len(tokens)
    return a, b


def _number(word: str):
    return sympy.Float(word) if "." in word else sympy.Rational(word)


def test_every_lemma_in_the_table_is_proved_again_by_the_method_it_names():
    assert len(LEMMAS) > 50  # (the table in use, not an empty one)
    for name, method in LEMMAS.items():
        a, b = _rebuilt(name)
        assert lemmas.key(a, b) == name  # the key says exactly which equality was proved
        assert equivalent(a, b) == method, name


def test_a_lemma_is_the_same_up_to_its_fresh_symbols_and_no_further():
    u, v = Dummy("u", real=True), Dummy("v", real=True)
    assert lemmas.key(Derivative(sin(u), u), cos(u)) == lemmas.key(Derivative(sin(v), v), cos(v))
    assert lemmas.key(Derivative(sin(x), x), cos(x)) != lemmas.key(Derivative(sin(x), x), -cos(x))
    # names stay: the verifier reads them (dx_i/dx_j = 0 fails at i = j; dp/dq = 0 holds)
    xi, xj, p, q = (Symbol(n, real=True) for n in ("x_i", "x_j", "p", "q"))
    assert lemmas.key(Derivative(xi, xj), 0) != lemmas.key(Derivative(p, q), 0)
    assert lemmas.key(Derivative(t**2, t), 2 * t) != lemmas.key(Derivative(x**2, x), 2 * x)
    # other assumptions, another lemma: d/dx x² = 2x for real x is not the one for positive x
    positive = Symbol("x", positive=True)
    assert lemmas.key(Derivative(positive**2, positive), 2 * positive) != lemmas.key(Derivative(x**2, x), 2 * x)
    # two names are two symbols: x_i = y_i is not x_i = x_i
    X, Y, i = IndexedBase("x"), IndexedBase("y"), Symbol("i")
    assert lemmas.key(X[i], Y[i]) != lemmas.key(X[i], X[i])
    # the same number, or another, to the last bit: d/dx x³ = 3x² is no key for d/dx x³ = 2x²
    assert lemmas.key(Derivative(x**3, x), 3 * x**2) != lemmas.key(Derivative(x**3, x), 2 * x**2)
    assert lemmas.key(x, Float(0.1)) != lemmas.key(x, Float(0.1) + Float(2.0**-56))


def test_a_function_whose_meaning_can_change_has_no_key():
    g = define("g", x, x**2)  # a user's g; another document's g may be anything
    assert lemmas.key(Derivative(g(x), x), 2 * x) is None
    assert lemmas.key(Derivative(Function("f")(x), x), 0) is None  # an unknown f, not a rule's operand
    assert lemmas.key(Derivative(sigmoid(x), x), sigmoid(x) * (1 - sigmoid(x))) is not None


def test_a_step_whose_lemma_is_in_the_table_is_not_proved_again(monkeypatch):
    calls = []
    monkeypatch.setattr(verify, "equivalent", lambda a, b: calls.append((a, b)) or equivalent(a, b))
    verify.clear_caches()
    d = differentiate("sin(x^2)", timeout=None)
    chain = next(s for s in d.steps if s.certificate.lemma is not None)
    assert lemmas.key(*chain.certificate.lemma) in LEMMAS
    assert chain.certificate.lemma not in calls  # taken from the table
    assert d.recheck().steps  # and every step still holds when proved from scratch


def test_a_lemma_proved_while_running_is_remembered_and_a_false_one_never_is(monkeypatch):
    verify.clear_caches()
    u = Dummy("u", real=True)
    lemma = (Derivative(exp(3 * u) * sin(u), u), 3 * exp(3 * u) * sin(u) + exp(3 * u) * cos(u))
    assert lemmas.key(*lemma) not in LEMMAS
    whole = Derivative(exp(3 * x) * sin(x), x)
    new = 3 * exp(3 * x) * sin(x) + exp(3 * x) * cos(x)
    assert certify_part(whole, new, whole, new, lemma) is not None
    monkeypatch.setattr(verify, "equivalent", lambda a, b: None)  # nothing could prove it now
    assert certify_part(whole, new, whole, new, lemma) is not None  # remembered
    wrong = (lemma[0], 3 * exp(3 * u) * sin(u) - exp(3 * u) * cos(u))
    assert certify_part(whole, new, whole, new, wrong) is None
    verify.clear_caches()
    assert certify_part(whole, new, whole, new, lemma) is None  # forgotten with the other caches
