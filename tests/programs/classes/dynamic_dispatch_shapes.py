# Dynamic dispatch: a list of the base type holding several subclasses.
import math


class Shape:
    def __init__(self, name):
        self.name = name

    def area(self):
        return 0.0

    def perimeter(self):
        return 0.0

    def sides(self):
        return 0

    def report(self):
        return f"{self.name:<10} sides={self.sides()} area={self.area():8.3f} perimeter={self.perimeter():7.3f}"


class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r

    def area(self):
        return math.pi * self.r ** 2

    def perimeter(self):
        return 2 * math.pi * self.r


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    def perimeter(self):
        return 2.0 * (self.w + self.h)

    def sides(self):
        return 4


class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)
        self.name = "square"


class Triangle(Shape):
    def __init__(self, a, b, c):
        super().__init__("triangle")
        self.a = a
        self.b = b
        self.c = c

    def perimeter(self):
        return self.a + self.b + self.c

    def area(self):
        s = self.perimeter() / 2
        return math.sqrt(s * (s - self.a) * (s - self.b) * (s - self.c))

    def sides(self):
        return 3


def total_area(shapes: list[Shape]) -> float:
    t = 0.0
    for s in shapes:
        t += s.area()
    return t


def largest(shapes: list[Shape]) -> Shape:
    best = shapes[0]
    for s in shapes:
        if s.area() > best.area():
            best = s
    return best


shapes: list[Shape] = [Circle(1.0), Rect(2.0, 3.5), Square(2.0), Triangle(3.0, 4.0, 5.0), Circle(0.5), Shape("blob")]
for s in shapes:
    print(s.report())
print(f"total area {total_area(shapes):.4f}")
print("largest:", largest(shapes).name)
shapes.append(Square(3.0))
print("largest now:", largest(shapes).name, largest(shapes).area())

by_area = sorted(shapes, key=lambda s: s.area())
print([s.name for s in by_area])
by_perim = sorted(shapes, key=lambda s: s.perimeter(), reverse=True)
print([f"{s.perimeter():.2f}" for s in by_perim])

counts = {}
for s in shapes:
    counts[s.name] = counts.get(s.name, 0) + 1
for k in sorted(counts):
    print(k, counts[k])

edges = 0
for s in shapes:
    edges += s.sides()
print("total sides:", edges)

x: Shape = Circle(2.0)
print(x.report())
x = Triangle(5.0, 5.0, 6.0)
print(x.report())
