"""Write the planted copies of the corpus_ml19 documents: one line changed, one slip each.

PLANTS: file -> (old substring, new substring, what).  The old substring must occur exactly once.
Usage: python make_planted.py   (prints the planted line numbers)
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

PLANTS = {
    'backprop_neuron_lecture.tex': (
        r"&= \ell'(a_2)\,g'(z_2)\,w_2\,g'(z_1)\,x \\",
        r"&= \ell'(a_2)\,g'(z_2)\,w_2\,x \\",
        "dropped chain-rule factor: the first layer's g'(z_1) left out of dL/dw_1"),
    'quotient_rule_forum.md': (
        r"f\cdot\left(-\frac{g'}{g^2}\right)",
        r"f\cdot\left(\frac{g'}{g^2}\right)",
        "wrong sign: the derivative of 1/g written +g'/g^2 instead of -g'/g^2"),
    'penalised_objective_exam.tex': (
        r"&= \sum_{i=1}^{n} \ell'(r_i)\,\frac{\partial}{\partial w_k}\bigl(w^\top x_i - y_i\bigr) + \lambda\,\Omega'(w_k) \\",
        r"&= \sum_{i=1}^{n} \ell'(r_i)\,\frac{\partial}{\partial w_k}\bigl(w^\top x_i - y_i\bigr) \\",
        "missing term: the penalty's derivative lambda Omega'(w_k) left out of dJ/dw_k"),
    'change_of_variables_blog.md': (
        r"= -\Bigl[T'\bigl(S(y)\bigr)\Bigr]^{-2}\,T''",
        r"= -\Bigl[T'\bigl(S(y)\bigr)\Bigr]^{-1}\,T''",
        "wrong exponent: the derivative of [T'(S)]^{-1} written with power -1 instead of -2"),
    'score_function_notes.tex': (
        r"&= -\frac{1}{Z(\theta)}\int \partial_\theta E_\theta(x)\,e^{-E_\theta(x)}\,dx \nonumber\\",
        r"&= \frac{1}{Z(\theta)}\int \partial_\theta E_\theta(x)\,e^{-E_\theta(x)}\,dx \nonumber\\",
        "wrong sign: the minus from differentiating e^{-E} dropped in Z'(theta)/Z(theta)"),
    'two_layer_net_notebook.md': (
        r"\ell'(\hat y)\,v_j\,\sigma'(a_j)\,w_j = ",
        r"\ell'(\hat y)\,v_j\,\sigma'(a_j) = ",
        "dropped chain-rule factor: da_j/dx = w_j left out of the input gradient"),
}


def plant(fn):
    old, new, what = PLANTS[fn]
    text = open(os.path.join(ROOT, fn)).read()
    assert text.count(old) == 1, (fn, text.count(old))
    out = text.replace(old, new)
    base, ext = os.path.splitext(fn)
    open(os.path.join(ROOT, base + '_planted' + ext), 'w').write(out)
    a, b = text.split('\n'), out.split('\n')
    line = [i + 1 for i in range(len(a)) if a[i] != b[i]]
    assert len(line) == 1
    return line[0], a[line[0] - 1], b[line[0] - 1], what


if __name__ == '__main__':
    for fn in PLANTS:
        print(fn, plant(fn)[0])
