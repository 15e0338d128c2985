# Every combination of try/except/else/finally, with and without an exception raised.


def divide(a, b):
    print(f"divide({a}, {b})")
    try:
        q = a // b
    except ZeroDivisionError:
        print("  except: division by zero")
        return -1
    else:
        print("  else: quotient", q)
        return q
    finally:
        print("  finally")


def only_finally(xs, i):
    try:
        print("  reading index", i)
        return xs[i]
    finally:
        print("  cleanup for", i)


def except_else(s):
    try:
        n = int(s)
    except ValueError:
        print(f"  {s!r} is not a number")
        n = 0
    else:
        print(f"  parsed {s!r} -> {n}")
        n *= 10
    return n


print(divide(17, 5))
print(divide(3, 0))
print(divide(-7, 2))

print(only_finally([10, 20, 30], 1))
try:
    print(only_finally([10, 20, 30], 7))
except IndexError:
    print("  caught IndexError from only_finally")

for s in ["12", "x1", "-4", ""]:
    print(except_else(s))

steps = []
try:
    steps.append("try")
except KeyError:
    steps.append("except")
else:
    steps.append("else")
finally:
    steps.append("finally")
print(steps)

steps = []
try:
    steps.append("try")
    d = {"a": 1}
    steps.append(str(d["b"]))
except KeyError:
    steps.append("except")
else:
    steps.append("else")
finally:
    steps.append("finally")
print(steps)

steps = []
try:
    try:
        steps.append("inner try")
        raise RuntimeError("boom")
    finally:
        steps.append("inner finally")
except RuntimeError:
    steps.append("outer except")
print(steps)

# try/except without else or finally, inside an expression-heavy loop
total = 0
for a, b in [(10, 2), (5, 0), (9, 3), (1, 0), (8, 4)]:
    try:
        total += a // b
    except ZeroDivisionError:
        total += 1000
print("total", total)
