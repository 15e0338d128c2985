# Variables, fields, parameters and results that hold None or a number/str: `best = None`
# updated in a loop, fields set later, a None default, functions returning None or an int.
class Box:
    def __init__(self):
        self.v = None
        self.name = None

    def set(self, x):
        self.v = x

    def show(self):
        return f"Box({self.v}, {self.name!r})"


b = Box()
print(b.show(), b.v is None)
b.set(4)
print(b.show(), b.v + 1, b.v is None)
b.name = "n"
print(b.show())

best = None
for x in [5, 3, 8, 1]:
    if best is None or x < best:
        best = x
print("best", best)


def opt(x=None):
    if x is None:
        return "no x"
    return f"x={x + 1}"


print(opt(), opt(4))


def maybe_half(n):
    if n % 2:
        return None
    return n // 2


for n in range(5):
    h = maybe_half(n)
    print(n, h, "half" if h is not None else "odd", h if h is not None else -1)

label = "big" if best < 2 else None
print(label, label is None)
g = None


def read_g():
    return g


print(read_g())
g = 7
print(read_g())
v = None
while v is None or v < 10:
    v = 1 if v is None else v * 3
    print("v", v)
else:
    print("done", v)
w = {"k": 2}.get("k")
i = 0
while w is not None:
    print("w", w)
    i += 1
    w = {"k": 2}.get("j") if i > 1 else w + 1
print("end", w)
