"""What the prose says of a sample: how many terms it has ("$X_1, \\dots, X_n$", which bounds a sum
over the X_j written without bounds) and the law of its terms ("independent with mean $\\mu$ and
variance $\\sigma^2$", "i.i.d. $\\mathcal{N}(\\mu, v)$", "$X_i \\sim \\mathcal{N}(\\mu, \\sigma^2)$"). A
sentence is read with its formulas: the prose holds a marker ⟨k⟩ where the k-th inline formula stands."""

from __future__ import annotations

import re

from sympy import Expr, Integral, S, Symbol, oo

from derive.checker.documents import INLINE_MARKS, Inline
from derive.errors import DeriveError
from derive.parse import parse
from derive.verify import compare


# X_1, \dots, X_n; x_1, x_2, \ldots, x_{N}: a sample of n terms named by one letter
_COUNTED = re.compile(r"(?<![\\A-Za-z])([A-Za-z])_\{?1\}?\s*,\s*(?:\1_\{?2\}?\s*,\s*)?\\[lc]?dots\s*,?\s*"
                      r"\1_\{?([A-Za-z])\}?(?![A-Za-z0-9_])")


# "X_1, \dots, X_n i.i.d. with mean ⟨μ⟩ and variance ⟨σ²⟩" (⟨k⟩: the k-th inline formula); "the
# average of X_1, …, X_n has mean μ" gives the average's, not the X's: only "with" introduces a law
_MEAN_VARIANCE = re.compile(r"\bwith\s+(?:a\s+|the\s+)?(?:common\s+)?mean\s*⟨(\d+)⟩\s*(?:,\s*)?(?:and\s+)?"
                            r"(?:common\s+)?variance\s*⟨(\d+)⟩", re.IGNORECASE)
_SAMPLE_TERM = re.compile(r"^\s*([A-Z])(?:_\{?[a-z]\}?)?\s*$")  # X_i, K (K_1 beside K_2 may have its own law)
# X \sim \mathrm{Poisson}(\lambda), i.i.d. \operatorname{Bernoulli}(p), K \sim \text{Bin}(n, p): a named family
_NAMED_LAW = re.compile(r"^(?:(.*?)\\sim)?\s*(?:\\(?:mathrm|operatorname|text|textrm|mathsf|mathcal)\s*\{\s*([A-Za-z]+)\s*\}"
                        r"|([A-Za-z]{3,}|[NU]))\s*(?:\\left)?[(\[]([^()\[\]]*)(?:\\right)?[)\]]\s*$", re.DOTALL)
# "Bernoulli(⟨k⟩)" and "Poisson with mean ⟨k⟩" in the prose
_LAW_IN_WORDS = re.compile(r"\b([A-Za-z]{3,})\s*(?:\(\s*⟨(\d+)⟩\s*\)|(?:random\s+)?(?:variables?|draws?|trials?)?\s*"
                           r"with\s+(?:a\s+|the\s+)?(?:common\s+)?(rate|mean|parameter|success probability)\s*⟨(\d+)⟩)",
                           re.IGNORECASE)

# "$X$ has density $\lambda e^{-\lambda x}$ on $x \ge 0$", "$X$ with probability density function
# $f(x) = 6x(1 - x)$ on $[0, 1]$"; "$X$ uniform on $[a, b]$", "$U$ is uniformly distributed over $(0, 1)$"
_DENSITY = re.compile(r"⟨(\d+)⟩,?\s+(?:has|have|with)\s+(?:a\s+|the\s+)?(?:probability\s+)?density(?:\s+function)?\s*"
                      r"⟨(\d+)⟩\s*,?\s*(?:on|for|over)\s+(?:the\s+(?:interval|set)\s+)?⟨(\d+)⟩")
_UNIFORM_ON = re.compile(r"⟨(\d+)⟩,?\s+(?:is\s+|be\s+)?(?:distributed\s+)?uniform(?:ly)?(?:\s+distributed)?\s+(?:on|over)\s+"
                         r"(?:the\s+interval\s+)?⟨(\d+)⟩")
_LAW_WORDS = re.compile(r"\b(?:densit(?:y|ies)|pdf|pmf|distributed|distribution|uniform(?:ly)?|law)\b", re.IGNORECASE)
_INTERVAL = re.compile(r"^\s*(?:\\left)?[\[(]\s*(.+?)\s*,\s*(.+?)\s*(?:\\right)?[\])]\s*$", re.DOTALL)
_AT_LEAST = re.compile(r"^\s*([a-z])\s*(?:\\geq?|\\geqslant|>|≥)\s*(.+?)\s*$", re.DOTALL)
_BETWEEN = re.compile(r"^\s*(.+?)\s*(?:\\leq?|\\leqslant|<|≤)\s*([a-z])\s*(?:\\leq?|\\leqslant|<|≤)\s*(.+?)\s*$",
                      re.DOTALL)


def _moments(family: str, args: list[Expr], rate: bool = False) -> tuple[Expr, Expr] | None:
    """(mean, variance) of a family the text names by its parameters; None for one derive does not
    know, or written with other parameters (an exponential's is its rate, as most texts take it)."""
    family = family.lower()
    one = args[0] if len(args) == 1 else None
    two = args if len(args) == 2 else None
    if family in ("n", "normal", "gaussian") and two:
        return two[0], two[1]
    if family in ("exp", "expo", "exponential") and one is not None and (rate or str(one) == "lambda"):
        return 1 / one, 1 / one ** 2  # (Exp(β) may be a mean: only λ, or a parameter called the rate)
    if family in ("poisson", "pois", "poi") and one is not None:
        return one, one
    if family in ("bernoulli", "bern", "ber") and one is not None:
        return one, one * (1 - one)
    if family in ("binomial", "bin", "binom") and two:
        return two[0] * two[1], two[0] * two[1] * (1 - two[1])
    if family in ("uniform", "unif", "u") and two:
        return (two[0] + two[1]) / 2, (two[1] - two[0]) ** 2 / 12
    if family == "beta" and two:
        a, b = two
        return a / (a + b), a * b / ((a + b) ** 2 * (a + b + 1))
    if family == "gamma" and two and two[1].is_Symbol:  # Gamma(k, θ) by its scale, Gamma(α, β) by its rate,
        shape, second = two  # as the letters say; other letters: which one is meant, derive does not guess
        if second.name == "theta":
            return shape * second, shape * second ** 2
        if second.name in ("beta", "lambda"):
            return shape / second, shape / second ** 2
    return None


# families of a shape and a scale, positive by their definition, whose powers (kθ²)^{3/2} need the sign:
# Gamma(k, θ), Beta(a, b), Weibull(k, λ). (Poisson's λ too is positive, but saying so costs every failing
# link over λ a second comparison, 3 s on a generating-function lecture, for links none was seen to need.)
_POSITIVE_PARAMETERS = frozenset({"gamma", "beta", "weibull"})


def positive_parameters(inline: list[Inline]) -> list[tuple[Inline, str]]:
    """(where, letter) for each parameter written as a plain letter of a law of a shape and a scale
    ("X \\sim \\mathrm{Gamma}(k, \\theta)": k > 0 and θ > 0, as N(μ, σ²) makes σ positive)."""
    found = []
    for item in inline:
        m = _NAMED_LAW.match(item.formula)
        if not m or (m.group(2) or m.group(3) or "").lower() not in _POSITIVE_PARAMETERS:
            continue
        for part in _arguments(m.group(4)):
            try:
                letter = parse(part, reader="latex")
            except DeriveError:
                continue
            if isinstance(letter, Symbol):
                found.append((item, letter.name))
    return found


def _named_law(formula: str) -> tuple[str | None, tuple[Expr, Expr]] | None:
    """(what stands before ∼, (mean, variance)) of "X \\sim \\mathrm{Poisson}(\\lambda)"; None if none."""
    m = _NAMED_LAW.match(formula)
    if not m or m.group(3) in ("N", "U") and m.group(1) is None:  # (a bare N(…) is a law after ∼ only)
        return None
    try:
        args = [parse(part, reader="latex") for part in _arguments(m.group(4))]
    except DeriveError:
        return None
    law = _moments(m.group(2) or m.group(3), args)
    return (m.group(1), law) if law else None


def _arguments(text: str) -> list[str]:
    """The parameters between a family's brackets, split at top-level commas."""
    parts, depth, start = [], 0, 0
    for k, c in enumerate(text):
        if c in "{(":
            depth += 1
        elif c in "})":
            depth -= 1
        elif c == "," and depth == 0:
            parts.append(text[start:k])
            start = k + 1
    return parts + [text[start:]]


def _support(formula: str) -> tuple[str | None, Expr, Expr] | None:
    """(variable or None, lower, upper) of "x \\ge 0", "0 \\le x \\le 1" or "[a, b]"; None for another
    form (a set derive would have to guess the meaning of)."""
    try:
        if m := _INTERVAL.match(formula):
            return None, parse(m.group(1), reader="latex"), parse(m.group(2), reader="latex")
        if m := _AT_LEAST.match(formula):
            return m.group(1), parse(m.group(2), reader="latex"), oo
        if m := _BETWEEN.match(formula):
            return m.group(2), parse(m.group(1), reader="latex"), parse(m.group(3), reader="latex")
    except DeriveError:
        return None
    return None


def _law_by_density(letter: str, density: str, where: str) -> tuple[Expr, Expr] | None:
    """(mean, variance) of a letter with a density on a support, as integrals: E[X] = ∫ x f(x) dx. The
    density's variable is the one the support names, else the letter in lower case, else its only
    symbol; None where that leaves a doubt."""
    support = _support(where)
    if support is None:
        return None
    named, lower, upper = support
    try:
        f = parse(density.split("=")[-1], reader="latex")
    except DeriveError:
        return None
    by_name = {s.name: s for s in f.free_symbols}
    variable = by_name.get(named or letter.lower()) or (next(iter(by_name.values())) if len(by_name) == 1 and not named
                                                        else None)
    if variable is None or lower.has(variable) or upper.has(variable):
        return None
    if compare(Integral(f, (variable, lower, upper)), S.One)[0] is not True:
        return None  # "density 2x on [0, 2]" integrates to 4: no density, and no law derive could trust
    mean = Integral(variable * f, (variable, lower, upper))
    return mean, Integral(variable ** 2 * f, (variable, lower, upper)) - mean ** 2


def _subject_laws(sentence: str, inline: list[Inline]) -> list[tuple[Inline, str, tuple[Expr, Expr]]]:
    """(where, letter, law) of each "⟨X⟩ has density ⟨f⟩ on ⟨support⟩" and "⟨X⟩ uniform on ⟨[a, b]⟩" of a
    sentence: it names the letter right before its law."""
    found = []
    said = [(m.group(1), m.group(2), m.group(3)) for m in _DENSITY.finditer(sentence)]
    said += [(m.group(1), m.group(2)) for m in _UNIFORM_ON.finditer(sentence)]
    for subject, *marks in said:
        if max(int(k) for k in (subject, *marks)) >= len(inline):
            continue
        letter = _SAMPLE_TERM.match(inline[int(subject)].formula)
        if letter is None:
            continue
        law = None
        if len(marks) == 2:
            law = _law_by_density(letter.group(1), inline[int(marks[0])].formula, inline[int(marks[1])].formula)
        elif (ends := _support(inline[int(marks[0])].formula)) is not None and ends[0] is None:
            law = _moments("uniform", list(ends[1:]))
        if law is not None:
            found.append((inline[int(subject)], letter.group(1), law))
    return found


def laws(inline: list[Inline], prose: list[tuple[int, str, str]]) -> list[tuple[Inline, str, tuple[Expr, Expr]]]:
    """(where, letter, (mean, variance)) for each sentence that gives a sample's terms a law: "X_1, …,
    X_n i.i.d. with mean μ and variance σ²", "X_i ∼ N(μ, σ²)", "X_1, …, X_n i.i.d. N(μ, v)", "X has
    density λe^{-λx} on x ≥ 0", "X uniform on [a, b]"; (where, letter, None) where a sentence gives
    a letter a law derive does not read."""
    found, bare = [], set()  # bare: the entries whose letter stands alone ($X \sim \mathrm{Beta}(2, 2)$)
    text = " ".join(words for _, words, _ in prose)
    for sentence in re.split(r"(?<=[.!?])(?<![ .][A-Za-z]\.)\s+", text):  # (not after i.i.d. or e.g.)
        marks = [int(k) for k in INLINE_MARKS.findall(sentence) if int(k) < len(inline)]
        subjects = _subject_laws(sentence, inline)
        bare.update(range(len(found), len(found) + len(subjects)))
        found += subjects
        named_in = {k: _named_law(inline[k].formula) for k in marks}  # (each formula parsed once)
        law = _law_of(sentence, named_in, inline)
        if law is None:
            found += _unread_laws(sentence, marks, inline, {id(where) for where, _, _ in subjects})
            continue
        letters, alone = [], set()
        for k in marks:
            formula, named = inline[k].formula, named_in[k]
            head = named[0] if named and named[0] else formula
            letters += [m.group(1) for m in _COUNTED.finditer(head)]
            if (m := _SAMPLE_TERM.match(head)) and named:
                alone.add(m.group(1))  # "$K \sim \mathrm{Poisson}(\lambda)$": K's own law
        # (a law in words goes to the sample listed, X_1, …, X_n, never to a letter named beside it: "K,
        # the number of successes in n trials, each Bernoulli($p$)" is no Bernoulli K)
        if not letters and len(alone) == 1:
            letters = list(alone)
            bare.add(len(found))
        if letters:
            found.append((law[0], letters[0], law[1]))
    # a letter given two different laws (K_1 ∼ Poisson(λ_1), K_2 ∼ Poisson(λ_2)) has no one law; one
    # that stands alone each time is one variable after another (problem 1's X, then problem 2's), and
    # each use takes the latest law before it
    clashing = {letter for k, (_, letter, law) in enumerate(found)
                if any(l2 == letter and m2 != law and not {k, k2} <= bare and None not in (law, m2)
                       for k2, (_, l2, m2) in enumerate(found))}
    return [entry for entry in found if entry[1] not in clashing]


def _unread_laws(sentence: str, marks: list[int], inline: list[Inline], read: set[int]) -> list[tuple]:
    """(where, letter, None) for each letter a sentence gives a law derive does not read ("$X$ has the
    density of problem 2"): the law said before no longer applies to it. read: the formulas (by id)
    whose law was read."""
    if not _LAW_WORDS.search(sentence) and not any("\\sim" in inline[k].formula for k in marks):
        return []
    found = []
    for k in marks:
        if id(inline[k]) in read:
            continue
        formula = inline[k].formula.split("\\sim")[0]
        letters = [m.group(1) for m in _COUNTED.finditer(formula)]
        if (m := _SAMPLE_TERM.match(formula)) is not None:
            letters.append(m.group(1))
        found += [(inline[k], letter, None) for letter in letters]
    return found


def _law_of(sentence: str, named_in: dict[int, tuple | None],
            inline: list[Inline]) -> tuple[Inline, tuple[Expr, Expr]] | None:
    """The law a sentence gives: "with mean ⟨μ⟩ and variance ⟨σ²⟩", a family written in a formula
    (∼ N(μ, σ²), Poisson(λ); named_in: each of the sentence's formulas read as one, in order), or in
    words with its parameter (Bernoulli(⟨p⟩), Poisson with mean ⟨λ⟩)."""
    try:
        if (m := _MEAN_VARIANCE.search(sentence)) and max(int(m.group(1)), int(m.group(2))) < len(inline):
            first, second = inline[int(m.group(1))], inline[int(m.group(2))]
            return first, (parse(first.formula, reader="latex"), parse(second.formula, reader="latex"))
        for k, named in named_in.items():
            if named is not None:
                return inline[k], named[1]
        for m in _LAW_IN_WORDS.finditer(sentence):
            k = int(m.group(2) or m.group(4))
            if k >= len(inline):
                continue
            parameter = parse(inline[k].formula, reader="latex")
            said = (m.group(3) or "").lower()
            if said == "mean" and m.group(1).lower().startswith("exp"):
                parameter = 1 / parameter  # an exponential with mean β has the rate 1/β
            if (law := _moments(m.group(1), [parameter], rate=said in ("rate", "mean"))) is not None:
                return inline[k], law
    except DeriveError:
        return None
    return None


_LISTED = re.compile(r"\s*([A-Za-z])_\{?1\}?(?:\s*,\s*\1_\{?\d\}?){2,}\s*")  # "scores $s_1, s_2, s_3$"


def counts_in(formula: str) -> list[tuple[str, Expr]]:
    """(letter, bound) for each list x_1, …, x_n in a formula: the text's count of the x's; a formula
    that lists three or more, s_1, s_2, s_3, counts them too (Σ_j p_j s_j then runs over those three; "any
    $x_1, x_2$" is two points, no count), unless the text counted them in letters before (Definitions)."""
    if (m := _LISTED.fullmatch(formula)) is not None:
        numbers = [int(n) for n in re.findall(r"_\{?(\d)\}?", formula)]
        if numbers == list(range(1, len(numbers) + 1)):
            return [(m.group(1), S(len(numbers)))]
    found = []
    for m in _COUNTED.finditer(formula):
        try:
            bound = parse(m.group(2), reader="latex")
        except DeriveError:
            continue
        if isinstance(bound, Symbol):
            found.append((m.group(1), bound))
    return found


def _named_as(noun: str) -> re.Pattern:
    """"$N$ is the <noun>", "I write $\\Phi$ for the <noun>", "the <noun> $\\Phi$": a formula the prose names."""
    return re.compile(rf"⟨(\d+)⟩\s*(?:,\s*)?(?:is|for|denotes|be|as)?\s*(?:the\s+|a\s+)?{noun}"
                      rf"|{noun}\s*(?:,\s*)?(?:denoted\s+|written\s+)?⟨(\d+)⟩", re.IGNORECASE)


def _formulas_named(named: re.Pattern, alone: re.Pattern, inline: list[Inline],
                    prose: list[tuple[int, str, str]]) -> list[Inline]:
    """The inline formulas, each a name alone as alone matches it, that the prose names as named says."""
    found = []
    for m in named.finditer(" ".join(words for _, words, _ in prose)):  # (LaTeX: a formula is a piece of its own)
        k = int(m.group(1) or m.group(2))
        if k < len(inline) and alone.fullmatch(inline[k].formula):
            found.append(inline[k])
    return found


# the standard normal distribution function, as the prose calls it
_CDF_NAMED = _named_as(r"standard\s+(?:normal|Gaussian)\s+(?:cumulative\s+distribution(?:\s+function)?|distribution\s+"
                       r"function|CDF|c\.d\.f\.?|cdf)")
_NAME_ALONE = re.compile(r"\s*(?:[A-Za-z]|\\(?:Phi|varPhi|mathcal\{N\}|mathrm\{N\}|Psi))\s*")
_DIGAMMA_NAMED = _named_as(r"digamma\b(?:\s+function)?")
_PSI_ALONE = re.compile(r"\s*\\psi\s*(?:=\s*\\Gamma\s*'\s*/\s*\\Gamma\s*)?")  # ψ, or ψ = Γ'/Γ


def digammas(inline: list[Inline], prose: list[tuple[int, str, str]]) -> list[Inline]:
    """The formulas where the prose calls ψ the digamma function ("$\\psi$ for the digamma function", "the
    digamma function $\\psi = \\Gamma'/\\Gamma$"): ψ(a + k) − ψ(a) is then a finite sum, not an unknown."""
    return _formulas_named(_DIGAMMA_NAMED, _PSI_ALONE, inline, prose)


def normal_cdfs(inline: list[Inline], prose: list[tuple[int, str, str]]) -> list[tuple[Inline, str]]:
    """(where, name) for each name the prose calls the standard normal distribution function (N, Φ),
    so that N(x) + N(−x) = 1 and N' = φ hold as the text means them, not as for any function N."""
    return [(item, item.formula.strip()) for item in _formulas_named(_CDF_NAMED, _NAME_ALONE, inline, prose)]
