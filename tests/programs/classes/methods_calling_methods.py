# Methods call other methods on self and on other instances.


class Rectangle:
    def __init__(self, w, h):
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    def perimeter(self):
        return 2 * (self.w + self.h)

    def is_square(self):
        return self.w == self.h

    def describe(self):
        kind = "square" if self.is_square() else "rectangle"
        return f"{kind} {self.w}x{self.h} area={self.area()} perimeter={self.perimeter()}"

    def scaled(self, k):
        return Rectangle(self.w * k, self.h * k)

    def fits_inside(self, other):
        return (self.w <= other.w and self.h <= other.h) or (self.h <= other.w and self.w <= other.h)

    def larger(self, other):
        if self.area() >= other.area():
            return self
        return other


class Text:
    def __init__(self, s):
        self.s = s

    def words(self):
        return self.s.split()

    def word_count(self):
        return len(self.words())

    def longest(self):
        best = ""
        for w in self.words():
            if len(w) > len(best):
                best = w
        return best

    def summary(self):
        return "%d words, longest %r, %d chars" % (self.word_count(), self.longest(), len(self.s))

    def capitalized(self):
        return Text(" ".join([w.capitalize() for w in self.words()]))


r = Rectangle(3, 4)
print(r.describe())
sq = Rectangle(5, 5)
print(sq.describe())
big = r.scaled(3)
print(big.describe())
print(r.fits_inside(big), big.fits_inside(r))
print(Rectangle(4, 3).fits_inside(Rectangle(3, 5)))
print(Rectangle(4, 3).fits_inside(Rectangle(3, 3)))
print(r.larger(sq).describe())
print(big.larger(sq).describe())
print(r.scaled(2).scaled(2).area())

chain = [Rectangle(i, 10 - i) for i in range(1, 10)]
best = chain[0]
for rr in chain:
    best = best.larger(rr)
print("largest:", best.describe())

t = Text("the quick brown fox jumps over the lazy dog")
print(t.summary())
print(t.capitalized().s)
print(t.capitalized().summary())
print(Text("a bb ccc dddd ccc").longest())
print(Text("").word_count(), repr(Text("").longest()))
