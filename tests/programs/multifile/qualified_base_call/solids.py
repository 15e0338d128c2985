# Subclass module that refers to the base through the module name.
import shapes


class Cube(shapes.Shape):
    FACES = 6

    def __init__(self, side):
        shapes.Shape.__init__(self, "cube")
        self.side = side

    def area(self):
        return Cube.FACES * self.side * self.side

    def volume(self):
        return self.side ** 3

    def describe(self):
        return "solid " + shapes.Shape.describe(self)
