# Catching through base classes: ArithmeticError, LookupError, Exception; subclass checks on instances.


def op(i):
    if i == 0:
        return 10 // (i * 0)
    if i == 1:
        return [0][i]
    if i == 2:
        return {"k": 1}["missing"]
    if i == 3:
        return int("nope")
    if i == 4:
        raise RuntimeError("runtime")
    if i == 5:
        return 10 % (i - 5)
    return i


for i in range(7):
    try:
        r = op(i)
        print(i, "ok", r)
    except ArithmeticError as e:
        print(i, "ArithmeticError family:", type(e).__name__, "-", e)
    except LookupError as e:
        print(i, "LookupError family:", type(e).__name__, "-", e)
    except Exception as e:
        print(i, "Exception:", type(e).__name__, "-", e)

for i in range(6):
    try:
        op(i)
    except Exception as e:
        print(i, isinstance(e, ArithmeticError), isinstance(e, LookupError), isinstance(e, KeyError),
              isinstance(e, ValueError), isinstance(e, Exception))


def safe(i):
    try:
        return op(i)
    except LookupError:
        return -1
    except ArithmeticError:
        return -2


for i in [0, 1, 2, 5, 6]:
    print("safe", i, safe(i))
try:
    safe(3)
except ValueError as e:
    print("ValueError is not a LookupError or ArithmeticError:", e)
try:
    safe(4)
except Exception as e:
    print("escaped safe():", type(e).__name__, e)
