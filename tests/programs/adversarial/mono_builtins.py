# one function instantiated with int/float/bool/str/list arguments; abs/min/max/neg on each
def twice(x):
    return x + x
print(twice(3), twice(2.5), twice(True), twice("ab"), twice([1, 2]))
def show(x):
    print(x, repr(x), str(x))
def ident(x):
    return x
print(ident(1), ident(1.0), ident(False), ident("s"), ident(None))
def neg(x):
    return -x
print(neg(True), neg(False), neg(0.0), neg(-0.0), neg(5))
def absx(x):
    return abs(x)
print(absx(True), absx(-3), absx(-0.0), absx(-2.5))
def mx(a, b):
    return max(a, b)
print(mx("a", "b"))
print(max(True, False), min(3, -3))
print(max(3, 1, 2), min([4, 2, 8]), max([1.5, -2.0]), max(["b", "a", "c"]))
