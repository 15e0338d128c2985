# __repr__ and __str__: print, str(), repr(), f-strings with !r/!s, lists and dicts of objects.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def __str__(self):
        return f"({self.x}, {self.y})"


class Tag:
    # only __repr__: str() and print fall back to it
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Tag(" + repr(self.name) + ")"


class Money:
    # only __str__: print uses it, repr(list) would not
    def __init__(self, cents):
        self.cents = cents

    def __str__(self):
        return "$%d.%02d" % (self.cents // 100, self.cents % 100)


p = Point(1, 2)
print(p)
print(str(p))
print(repr(p))
print(f"{p}")
print(f"{p!r}")
print(f"{p!s}")
print("point is", p, "and repr", repr(p))
print("%s / %r" % (p, p))
print("{} {!r}".format(p, p))
print(f"{str(p):>12}|{repr(p):<14}|")

pts = [Point(0, 0), Point(3, -4), Point(10, 20)]
print(pts)
print(str(pts))
print([str(q) for q in pts])
print((pts[0], pts[1]))
print({"origin": pts[0], "far": pts[2]})
print([[Point(1, 1)], [Point(2, 2), Point(3, 3)]])
print(", ".join(str(q) for q in pts))

t = Tag("red")
print(t)
print(str(t), repr(t), f"{t}", [t, Tag("it's")])

m = Money(12345)
print(m)
print(str(m), f"{m}", "cost: " + str(m))
print(Money(5), Money(100), Money(99999))
print(str(Money(7)).rjust(8, "."))
names = [str(Money(c)) for c in [1, 10, 100, 1000]]
print(names)
print(len(str(p)), len(repr(p)))
