"""Functions derive knows by name, as SymPy functions that print the way papers write them."""

from sympy import Function, S, exp, log, oo


class NamedFunction(Function):
    """A function of one real argument with a closed form in exp, positive on the reals."""

    nargs = 1
    latex_name = ""

    def _eval_evalf(self, prec):
        return self.rewrite(exp)._eval_evalf(prec)

    def _eval_is_real(self):
        return self.args[0].is_real or None

    def _eval_is_positive(self):
        return self.args[0].is_real or None

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

    def _eval_rewrite_as_exp(self, arg, **kwargs):
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

    def _eval_rewrite_as_exp(self, arg, **kwargs):
        return log(1 + exp(arg))

    _eval_rewrite_as_log = _eval_rewrite_as_exp
