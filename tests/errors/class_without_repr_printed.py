# CPython prints an address that changes from run to run: kiln asks for a __repr__.
# expect: class `Box` has no `__repr__` or `__str__`
# at: 9
class Box:
    def __init__(self, v):
        self.v = v


print(Box(1))
