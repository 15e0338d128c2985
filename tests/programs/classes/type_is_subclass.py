# type(x) is C / type(x) == C is an exact class test, unlike isinstance.


class Shape:
    def __init__(self, n):
        self.n = n


class Square(Shape):
    pass


class Cube(Square):
    pass


class Circle(Shape):
    pass


shapes: list[Shape] = [Shape(1), Square(2), Cube(3), Circle(4), Square(5)]
for s in shapes:
    print(s.n, type(s) is Shape, type(s) is Square, type(s) == Cube, type(s) != Circle,
          isinstance(s, Square), type(s).__name__)
print([s.n for s in shapes if type(s) is Square])
print(sum(1 for s in shapes if type(s) is not Shape))
print(type(shapes[1]) is type(shapes[4]), type(shapes[1]) == type(shapes[2]))
print(type(3) is int, type(3.5) == float, type("s") is str, type(True) is int, type([1]) is list)
sq = Square(9)
print(type(sq) is Square, type(sq) is Shape, type(sq) is Circle)


def find(n):
    for s in shapes:
        if s.n == n:
            return s
    return None


print(type(find(3)) is Cube, type(find(99)) is Cube)
