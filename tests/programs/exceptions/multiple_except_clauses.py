# Several except clauses: the first matching clause wins; base classes after subclasses.


def risky(kind):
    if kind == 0:
        return 1 // 0
    if kind == 1:
        return [1, 2, 3][10]
    if kind == 2:
        return {"a": 1}["z"]
    if kind == 3:
        return int("seven")
    if kind == 4:
        raise RuntimeError("runtime trouble")
    if kind == 5:
        raise TypeError("bad type")
    return kind * 100


def classify(kind):
    try:
        v = risky(kind)
    except ZeroDivisionError as e:
        return "zero-division: " + str(e)
    except IndexError as e:
        return "index: " + str(e)
    except KeyError as e:
        return "key: " + str(e)
    except ValueError as e:
        return "value: " + str(e)
    except Exception as e:
        return "other " + type(e).__name__ + ": " + str(e)
    return "ok " + str(v)


def coarse(kind):
    try:
        v = risky(kind)
    except ArithmeticError:
        return "arithmetic"
    except LookupError:
        return "lookup"
    except Exception:
        return "anything else"
    return "fine " + str(v)


for k in range(7):
    print(k, classify(k), "|", coarse(k))

# order matters: a base class listed first shadows the specific one
def shadowed(kind):
    try:
        risky(kind)
    except LookupError:
        return "LookupError clause"
    except KeyError:
        return "KeyError clause (never reached)"
    return "none"


print(shadowed(1), shadowed(2), shadowed(6))
