# Exceptions raised several frames deep propagate to the caller; finally blocks run on the way out.

trace = []


def level3(x):
    trace.append(f"enter 3 ({x})")
    try:
        if x == 0:
            raise ZeroDivisionError("level3 got zero")
        if x < 0:
            return [1, 2, 3][x * 10]
        return 100 // x
    finally:
        trace.append("leave 3")


def level2(x):
    trace.append("enter 2")
    try:
        return level3(x) + 1
    finally:
        trace.append("leave 2")


def level1(x):
    trace.append("enter 1")
    r = level2(x)
    trace.append("after level2")
    return r * 2


def top(x):
    try:
        return f"result {level1(x)}"
    except ZeroDivisionError as e:
        return f"ZeroDivisionError: {e}"
    except IndexError as e:
        return f"IndexError: {e}"


for x in [5, 0, -1, 50]:
    trace.clear()
    print(x, top(x))
    print("  ", trace)


def recurse(n):
    if n == 0:
        raise ValueError("bottom reached")
    try:
        return recurse(n - 1)
    finally:
        trace.append(str(n))


trace.clear()
try:
    recurse(6)
except ValueError as e:
    print(e, trace)


def find_first_even_reciprocal(xs):
    for x in xs:
        if x % 2 == 0:
            return 1000 // x
    raise LookupError("no even number")


def process(batches):
    out = []
    for b in batches:
        try:
            out.append(find_first_even_reciprocal(b))
        except ZeroDivisionError:
            out.append(-1)
        except LookupError as e:
            out.append(-2)
            print("  note:", e)
    return out


print(process([[3, 5, 8], [1, 3], [0, 2], [7, 10, 4], []]))
