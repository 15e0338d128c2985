# Shape classes used by main.py; imports a sibling module.
import math

import util

print("loading module", __name__)


class Shape:
    def __init__(self, name):
        self.name = name

    def area(self):
        return 0.0

    def describe(self):
        return f"{self.name}: area {util.fmt(self.area())}"


class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r

    def area(self):
        return math.pi * self.r * self.r


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


def unit_shapes():
    return [Circle(1.0), Rect(1.0, 1.0)]
