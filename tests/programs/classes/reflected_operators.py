# Reflected and mixed operators: int op obj uses __radd__/__rsub__/__rmul__; a > b falls back to b < a.


class Meters:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return Meters(self.v + other.v)

    def __radd__(self, k):
        return Meters(k + self.v)

    def __sub__(self, other):
        return Meters(self.v - other.v)

    def __rsub__(self, k):
        return Meters(k - self.v)

    def __mul__(self, k):
        return Meters(self.v * k)

    def __rmul__(self, k):
        return Meters(self.v * k)

    def __lt__(self, other):
        return self.v < other.v

    def __eq__(self, other):
        return self.v == other.v

    def __repr__(self):
        return f"{self.v}m"


a = Meters(5)
b = Meters(12)
print(a + b, b - a, a - b, a * 3, 3 * a)
print(10 + a, 10 - a, 100 - b - a)
print(sum([a, b, Meters(1)]))
print(a < b, b < a, a > b, b > a)
print(a == Meters(5), a != Meters(5), a != b)
ms = [Meters(7), Meters(2), Meters(9), Meters(4)]
print(sorted(ms), max(ms), min(ms))
print(sorted(ms, reverse=True))
total = 0 + ms[0]
for m in ms[1:]:
    total = total + m
print(total, 2 * total - a)
doubled = [2 * m for m in ms]
print(doubled, [m * 0 for m in ms[:2]])
for i in range(len(ms) - 1):
    x = ms[i]
    y = ms[i + 1]
    print(x, y, x < y, x > y, x == y, y - x, 1 + x + y, x * 2 - y)
