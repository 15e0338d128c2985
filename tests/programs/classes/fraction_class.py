# An exact Fraction class: normalisation with gcd, arithmetic and comparison dunders, __str__/__repr__.
import math


class Fraction:
    def __init__(self, num, den=1):
        if den < 0:
            num, den = -num, -den
        g = math.gcd(num, den)
        if g == 0:
            g = 1
        self.num = num // g
        self.den = den // g

    def __add__(self, o):
        return Fraction(self.num * o.den + o.num * self.den, self.den * o.den)

    def __sub__(self, o):
        return Fraction(self.num * o.den - o.num * self.den, self.den * o.den)

    def __mul__(self, o):
        return Fraction(self.num * o.num, self.den * o.den)

    def __truediv__(self, o):
        return Fraction(self.num * o.den, self.den * o.num)

    def __neg__(self):
        return Fraction(-self.num, self.den)

    def __eq__(self, o):
        return self.num == o.num and self.den == o.den

    def __lt__(self, o):
        return self.num * o.den < o.num * self.den

    def __le__(self, o):
        return self.num * o.den <= o.num * self.den

    def __gt__(self, o):
        return self.num * o.den > o.num * self.den

    def __ge__(self, o):
        return self.num * o.den >= o.num * self.den

    def __float__(self):
        return self.num / self.den

    def __str__(self):
        if self.den == 1:
            return str(self.num)
        return f"{self.num}/{self.den}"

    def __repr__(self):
        return f"Fraction({self.num}, {self.den})"


half = Fraction(1, 2)
third = Fraction(1, 3)
print(half + third, half - third, half * third, half / third, -half)
print(repr(Fraction(6, -8)), Fraction(0, 5), Fraction(10, 5), Fraction(-3, -9))
print(half == Fraction(2, 4), half != third, half < third, half > third, half <= Fraction(3, 6), third >= half)
print(float(Fraction(7, 8)), float(third))

# harmonic numbers stay exact
h = Fraction(0)
for k in range(1, 16):
    h = h + Fraction(1, k)
    if k % 3 == 0:
        print("H", k, "=", h, f"~ {float(h):.6f}")

# Egyptian fraction expansion by the greedy algorithm
def egyptian(f):
    parts = []
    while f.num != 0:
        d = (f.den + f.num - 1) // f.num
        parts.append(Fraction(1, d))
        f = f - Fraction(1, d)
    return parts

for f in [Fraction(4, 13), Fraction(5, 6), Fraction(7, 15), Fraction(2, 3)]:
    parts = egyptian(f)
    print(f, "=", " + ".join(str(p) for p in parts))

fs = [Fraction(3, 7), Fraction(1, 2), Fraction(-2, 5), Fraction(5, 11), Fraction(0), Fraction(9, 20)]
print(sorted(fs))
print([str(x) for x in sorted(fs, reverse=True)])
print(min(fs), max(fs))
total = Fraction(0)
for f in fs:
    total = total + f
print("sum", total, "product", fs[0] * fs[1] * fs[2] * fs[3])
