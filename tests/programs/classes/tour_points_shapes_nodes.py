class Point:
    count = 0

    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def move(self, dx, dy=1):
        self.x += dx
        self.y += dy

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)

    def __eq__(self, other):
        return self.x == other.x and self.y == other.y

    def __lt__(self, other):
        return self.norm2() < other.norm2()


class Shape:
    def __init__(self, name):
        self.name = name

    def area(self):
        return 0.0

    def describe(self):
        return f"{self.name} with area {self.area():.2f}"


class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r

    def area(self):
        return 3.14159 * self.r * self.r


class Square(Shape):
    def __init__(self, s):
        super().__init__("square")
        self.s = s

    def area(self):
        return self.s * self.s


class Node:
    def __init__(self, val, next=None):
        self.val = val
        self.next = next


p = Point(1, 2)
q = Point(3, 4)
print(p, q, p + q, p == q, p == Point(1, 2))
p.move(5)
print(p, p.norm2(), Point.count)
pts = [Point(3, 3), Point(1, 1), Point(2, 0)]
pts.sort()
print(pts)
print(sorted(pts, key=lambda t: t.x))
shapes = [Circle(1.0), Square(2.0), Shape("blob")]
for s in shapes:
    print(s.describe())
print(isinstance(shapes[0], Circle), isinstance(shapes[1], Circle), isinstance(shapes[1], Shape))
head = None
for i in range(5):
    head = Node(i, head)
n = head
total = 0
while n is not None:
    total += n.val
    n = n.next
print(total)
