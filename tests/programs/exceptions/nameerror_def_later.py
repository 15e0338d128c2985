# A function defined after the failing call is not bound yet: CPython skips it and suggests the
# builtin `help` for `helpr`.
def g():
    return helpr + 1


print(g())


def helper():
    return 1


helpr = helper()
