# Mutually recursive nested functions: a tiny recursive-descent checker with two nested defs calling each other.


def parity(n):
    def is_even(k):
        return True if k == 0 else is_odd(k - 1)

    def is_odd(k):
        return False if k == 0 else is_even(k - 1)

    return is_even(n), is_odd(n)


print(parity(7), parity(10), parity(0))


def balanced(text):
    pos = 0

    def group():
        nonlocal pos
        if pos < len(text) and text[pos] == "(":
            pos += 1
            ok = sequence()
            if pos < len(text) and text[pos] == ")":
                pos += 1
                return ok
            return False
        return False

    def sequence():
        while pos < len(text) and text[pos] == "(":
            if not group():
                return False
        return True

    return sequence() and pos == len(text)


for t in ["", "()", "(())()", "(()", "())", "((()))(()())"]:
    print(repr(t), balanced(t))
