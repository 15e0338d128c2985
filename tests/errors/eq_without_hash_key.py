# A class with __eq__ but no __hash__ is unhashable, as in CPython.
# expect: unhashable type: 'Point'
# at: 13
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return self.x == other.x and self.y == other.y


seen = {Point(1, 2): "a"}
print(len(seen))
