# BUG (undocumented runtime divergence): `int ** int` with a negative exponent only known at run
# time, and `negative float ** non-integer float`, are accepted by `kiln check` (exit 0), but at
# run time kiln raises
#   ValueError: kiln: int ** negative int is a float in Python; write float(x) ** n
#   ValueError: kiln: complex result of negative float ** fractional power is not supported
# (exit 1), where CPython prints 0.5 and a complex number (exit 0). Neither is listed under
# "Known differences" in ARCHITECTURE.md / docs/language.md; the promise is CPython's output or a
# compile error. expected: 8 / 0.5 / (8.659560562354934e-17+1.4142135623730951j)
# actual: 8, then the ValueError traceback, exit 1.
def f(b):
    return 2 ** b
print(f(3))
print(f(-1))
x = -2.0
print(x ** 0.5)
