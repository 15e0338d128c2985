# Built-in errors raised by operations, caught and printed with their exact messages.
import math


def show(label, msg):
    print(f"{label:<22} {msg}")


xs = [1, 2, 3]
t = (4, 5)
d = {"one": 1, "two": 2}
s = "kiln"
zero = 0
fzero = 0.0

try:
    print(7 // zero)
except ZeroDivisionError as e:
    show("7 // 0", e)
try:
    print(7 % zero)
except ZeroDivisionError as e:
    show("7 % 0", e)
try:
    print(7 / zero)
except ZeroDivisionError as e:
    show("7 / 0", e)
try:
    print(7.5 / fzero)
except ZeroDivisionError as e:
    show("7.5 / 0.0", e)
try:
    print(7.5 // fzero)
except ZeroDivisionError as e:
    show("7.5 // 0.0", e)
try:
    print(divmod(3, zero))
except ZeroDivisionError as e:
    show("divmod(3, 0)", e)
try:
    print(xs[3])
except IndexError as e:
    show("xs[3]", e)
try:
    print(xs[-4])
except IndexError as e:
    show("xs[-4]", e)
try:
    xs[5] = 0
except IndexError as e:
    show("xs[5] = 0", e)
try:
    print(t[2])
except IndexError as e:
    show("t[2]", e)
try:
    print(s[10])
except IndexError as e:
    show("s[10]", e)
try:
    empty = []
    empty.append(1)
    empty.pop()
    empty.pop()
except IndexError as e:
    show("[].pop()", e)
try:
    print(d["three"])
except KeyError as e:
    show("d['three']", e)
try:
    print(d.pop("four"))
except KeyError as e:
    show("d.pop('four')", e)
try:
    del d["five"]
except KeyError as e:
    show("del d['five']", e)
try:
    print(int("12x"))
except ValueError as e:
    show("int('12x')", e)
try:
    print(int(""))
except ValueError as e:
    show("int('')", e)
try:
    print(int("ff", 10))
except ValueError as e:
    show("int('ff', 10)", e)
try:
    print(float("one.five"))
except ValueError as e:
    show("float('one.five')", e)
try:
    print(xs.index(99))
except ValueError as e:
    show("xs.index(99)", e)
try:
    xs.remove(42)
except ValueError as e:
    show("xs.remove(42)", e)
try:
    print(s.index("z"))
except ValueError as e:
    show("s.index('z')", e)
try:
    print(math.sqrt(-1.0))
except ValueError as e:
    show("math.sqrt(-1.0)", e)
try:
    print(math.log(0.0))
except ValueError as e:
    show("math.log(0.0)", e)
try:
    a, b = [1, 2, 3]
    print(a, b)
except ValueError as e:
    show("a, b = [1, 2, 3]", e)
try:
    print(chr(-5))
except ValueError as e:
    show("chr(-5)", e)
try:
    print(range(1, 10, 0))
except ValueError as e:
    show("range step 0", e)
print("still running; xs =", xs, "d =", d)
