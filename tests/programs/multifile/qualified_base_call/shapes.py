# Base class module: a class attribute, a classmethod and a staticmethod.


class Shape:
    created = 0

    def __init__(self, name):
        Shape.created += 1
        self.name = name

    @classmethod
    def named(cls, name):
        return cls(name)

    @staticmethod
    def unit():
        return "cm"

    def area(self):
        return 0

    def describe(self):
        return f"{self.name} with area {self.area()}"
