# A 2-D vector with arithmetic dunders: + - * neg, reflected and in-place forms, abs, ==.
import math


class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)

    def __rmul__(self, k):
        return Vector(self.x * k, self.y * k)

    def __radd__(self, k):
        return Vector(self.x + k, self.y + k)

    def __neg__(self):
        return Vector(-self.x, -self.y)

    def __iadd__(self, other):
        self.x += other.x
        self.y += other.y
        return self

    def __abs__(self):
        return math.hypot(self.x, self.y)

    def __eq__(self, other):
        return self.x == other.x and self.y == other.y

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    def __repr__(self):
        return f"Vector({self.x}, {self.y})"


a = Vector(1.0, 2.0)
b = Vector(3.5, -1.0)
print(a + b, a - b, b - a)
print(a * 3.0, 2.0 * b, -a, -(-b))
print(10.0 + a, 0.5 + b)
print(abs(Vector(3.0, 4.0)), abs(-b))
print(a.dot(b), (a + b).dot(a - b))
print(a == Vector(1.0, 2.0), a == b, a != b)

c = a
c += b
print("after +=:", a, c, a is c)
d = Vector(0.0, 0.0)
e = d
d = d + Vector(1.0, 1.0)
print("after d = d + ...:", d, e, d is e)

path = [Vector(1.0, 0.0), Vector(0.0, 1.0), Vector(-2.0, 0.5), Vector(0.25, 0.25)]
pos = Vector(0.0, 0.0)
for step in path:
    pos += step
    print("at", pos)
total = Vector(0.0, 0.0)
for step in path:
    total = total + step * 2.0
print("scaled sum:", total)
print("length of path:", sum(abs(s) for s in path))
centroid = Vector(0.0, 0.0)
for s in path:
    centroid += s
centroid = centroid * (1.0 / len(path))
print("centroid:", centroid)
print(sorted(path, key=abs))
print(max(path, key=lambda v: v.x), min(path, key=lambda v: v.y))

# chained expressions mixing the forms
w = -(a - b) * 2.0 + Vector(0.5, 0.5)
print(w, 3.0 * (w - a), -w == Vector(-w.x, -w.y))
