# Exception args and exceptions as values: e.args of built-in, user and kiln-raised exceptions,
# repr(e), exceptions made without raising, then raised.
class E(Exception):
    def __init__(self, x):
        self.x = x

class F(Exception):
    pass

def f(k):
    raise KeyError(k)

try:
    f(3)
except KeyError as e:
    print(repr(e), e.args, str(e))
try:
    raise E(5)
except E as e:
    print(repr(e), e.args, str(e), e.x)
print(repr(F()), repr(F("")), repr(F("a", 2)), F("a", 2), F(1.5).args)
errs = [ValueError(), TypeError("t", 1)]
print([repr(x) for x in errs], [str(x) for x in errs])
x = ValueError("v")
print(isinstance(x, ValueError), isinstance(x, LookupError), isinstance(x, Exception))


class Wrapped(Exception):
    def __init__(self, code, detail):
        super().__init__(f"code {code}")
        self.code = code
        self.detail = detail


class Bare(ValueError):
    def __init__(self, a, b):
        self.total = a + b


for which in [1, 2]:
    try:
        if which == 1:
            raise Wrapped(3, "x")
        raise Bare(1, 2)
    except Exception as e:
        print(type(e).__name__, repr(e), e.args, len(e.args), str(e), bool(e.args))
try:
    raise Bare(4, 5)
except ValueError as e:
    print("as ValueError:", e.args, repr(e), str(e))
try:
    raise ValueError("first", "second")
except ValueError as e:
    print(e.args[0], e.args[-1], e.args[1])
try:
    raise KeyError("k")
except LookupError as e:
    print(e.args[0], repr(e))
try:
    {}["missing"]
except KeyError as e:
    print(repr(e), e.args, str(e))
try:
    int("x1")
except ValueError as e:
    print(e.args, e.args[0])
stored = [ValueError("v"), IndexError("i"), ZeroDivisionError()]
for s in stored:
    try:
        raise s
    except LookupError as e:
        print("lookup", repr(e))
    except ArithmeticError as e:
        print("arith", repr(e), e.args)
    except Exception as e:
        print("other", repr(e))


def fails():
    raise TypeError("bad", 42)


fails()
