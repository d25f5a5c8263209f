"""Functions derive knows by name, as SymPy functions that print the way papers write them."""

from sympy import Derivative, Function, S, Subs, exp, log, oo

from derive.indexing import LABELS, relabel

# the unknown functions a rule's equality for any operands uses (derive.rules.base.general): a name no
# reader gives a function, and one derive.lemmas vouches for
OPERAND = "operand_"


class NamedFunction(Function):
    """A function of one real argument that derive knows by name and by its closed form."""

    nargs = 1
    latex_name = ""
    positive = True  # on the reals

    def body_at(self, arg):
        """The closed form at arg, in exp and log: what the name stands for."""
        raise NotImplementedError

    def _eval_rewrite_as_exp(self, arg, **kwargs):
        return self.body_at(arg)

    def _eval_evalf(self, prec):
        return self.rewrite(exp)._eval_evalf(prec)

    def _eval_is_real(self):
        return self.args[0].is_real or None

    def _eval_is_positive(self):
        return (self.args[0].is_real or None) if self.positive else None

    def _latex(self, printer, exp=None):
        # \sigma(x) and \sigma(x)^{2}, as papers write them (SymPy would print \sigma^{2}{\left(x \right)}).
        arg = self.args[0]
        inner = printer._print(arg)
        call = rf"{self.latex_name}({inner})" if arg.is_Atom else rf"{self.latex_name}\left({inner}\right)"
        return f"{call}^{{{exp}}}" if exp is not None else call


class sigmoid(NamedFunction):
    """The logistic function σ(x) = 1/(1 + e^{-x})."""

    latex_name = r"\sigma"

    @classmethod
    def eval(cls, arg):
        if arg.is_zero:
            return S.Half
        if arg is oo:
            return S.One
        if arg is -oo:
            return S.Zero
        return None

    def fdiff(self, argindex=1):
        s = sigmoid(self.args[0])
        return s * (1 - s)

    def body_at(self, arg):
        return 1 / (1 + exp(-arg))


class softplus(NamedFunction):
    """softplus(x) = log(1 + e^x), the smooth ReLU; its derivative is σ(x)."""

    latex_name = r"\operatorname{softplus}"

    @classmethod
    def eval(cls, arg):
        if arg is oo:
            return oo
        if arg is -oo:
            return S.Zero
        return None

    def fdiff(self, argindex=1):
        return sigmoid(self.args[0])

    def body_at(self, arg):
        return log(1 + exp(arg))

    def _eval_rewrite_as_log(self, arg, **kwargs):
        return self.body_at(arg)


class DefinedFunction(NamedFunction):
    """A function the user defined, g(x) = body: made by define()."""

    positive = False
    variable = None
    body = None

    def body_at(self, arg):
        return _at(self.body, self.variable, arg)

    def written_at(self, body):
        """body (this function's, with some of its names written out) at this call's argument."""
        return _at(body, self.variable, self.args[0])

    def fdiff(self, argindex=1):
        from sympy import diff

        return _at(diff(self.body, self.variable), self.variable, self.args[0])

    @property
    def free_symbols(self):
        """The argument's symbols and the body's parameters (θ of h_θ(x) = θx): it varies with both."""
        return super().free_symbols | (self.body.free_symbols - {self.variable})

    def _eval_derivative(self, s):
        """h_θ(x) = θx by θ: the body's own parameters count, which the chain rule over x alone misses."""
        if s in self.body.free_symbols - {self.variable}:
            from sympy import diff

            return diff(self.body_at(self.args[0]), s)
        return super()._eval_derivative(s)

    def _eval_is_real(self):
        return None


def define(name: str, variable, body) -> type[DefinedFunction]:
    """The SymPy function class of g(variable) = body, printed as g(x)."""
    latex_name = name if len(name) == 1 else rf"\operatorname{{{name}}}"
    return type(name, (DefinedFunction,), {"variable": variable, "body": body, "latex_name": latex_name})


def _at(body, variable, arg):
    """body with variable made arg; a derivative by the variable left pending in the body (U(p) = dℓ/dp)
    is taken at arg (Subs), never by arg (d/d(k/n) means nothing)."""
    if not arg.is_Symbol and any(variable in d.variables for d in body.atoms(Derivative)):
        return Subs(body, variable, arg)
    return _indices_at(body.xreplace({variable: arg}), variable, arg)


def _indices_at(body, variable, arg):
    """π_θ(a) = e^{θ_a}/Σ_b e^{θ_b} at c is e^{θ_c}/Σ_b e^{θ_b}, and at 1 e^{θ_1}/…: the variable as an
    index of the body's names goes with it (it stayed θ_a, and π_θ(c) was π_θ(a)). Never x, y or z,
    which label rather than count (p_x, the price of good x), and only a letter or a count for a letter."""
    if len(variable.name) != 1 or variable.name in LABELS or not (
            arg.is_Symbol and len(arg.name) == 1 or arg.is_Integer and arg >= 0):
        return body
    return relabel(body, {variable.name: str(arg)})


class softmax(NamedFunction):
    """One term of the softmax, s_i = e^{z_i}/Σ_k e^{z_k}: softmax(z_i, Σ_k e^{z_k}). The normaliser is
    an argument, so that a sum's bound (K) and an instance's terms (z_1 … z_4) reach it like any other
    part of an expression; it is printed s_i, after the index of its member z_i (z[k] gives s_k)."""

    nargs = 2
    letter = "s"

    def body_at(self, arg):
        return exp(arg) / self.args[1]

    def index(self) -> str:
        arg = self.args[0]
        if arg.is_Symbol:
            return arg.name.partition("_")[2]
        return "".join(str(i) for i in getattr(arg, "indices", ()))

    def _eval_derivative(self, s):
        from sympy import diff

        return diff(self.body_at(self.args[0]), s)

    def _eval_evalf(self, prec):
        return self.body_at(self.args[0])._eval_evalf(prec)

    def _eval_is_real(self):
        return True

    def _eval_is_positive(self):
        return True

    def _latex(self, printer, exp=None):
        index = self.index()
        call = f"{self.letter}_{{{index}}}" if index else self.letter
        return f"{call}^{{{exp}}}" if exp is not None else call

    def _sympystr(self, printer):
        return f"{self.letter}_{self.index()}"
