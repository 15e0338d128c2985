# Raising built-in exception classes explicitly and dispatching on type(e).__name__.


def fail(kind, detail):
    if kind == "value":
        raise ValueError(detail)
    if kind == "type":
        raise TypeError(detail)
    if kind == "runtime":
        raise RuntimeError(detail)
    if kind == "index":
        raise IndexError(detail)
    if kind == "key":
        raise KeyError(detail)
    if kind == "zero":
        raise ZeroDivisionError(detail)
    if kind == "notimpl":
        raise NotImplementedError(detail)
    if kind == "assert":
        raise AssertionError(detail)
    if kind == "arith":
        raise ArithmeticError(detail)
    if kind == "lookup":
        raise LookupError(detail)
    raise Exception(detail)


counts = {}
for kind in ["value", "type", "runtime", "index", "key", "zero", "notimpl", "assert", "arith", "lookup", "other"]:
    try:
        fail(kind, "problem with " + kind)
    except Exception as e:
        name = type(e).__name__
        counts[name] = counts.get(name, 0) + 1
        print(f"{kind:8} -> {name:20} str={str(e)!r:28} repr={e!r}")
print(sorted(counts))
print(isinstance(NotImplementedError("x"), RuntimeError), isinstance(ZeroDivisionError("x"), ArithmeticError))
print(isinstance(KeyError("x"), LookupError), isinstance(IndexError("x"), KeyError))

try:
    raise ValueError
except ValueError as e:
    print("raised the class itself:", repr(e), e.args)
try:
    raise NotImplementedError
except RuntimeError as e:
    print("subclass caught by base:", type(e).__name__, repr(str(e)))
