# kiln: build
# Default argument values and keyword arguments in any order.
def greet(name, greeting="Hello", punct="!"):
    print(greeting + ", " + name + punct)


greet("Ada")
greet("Grace", "Hi")
greet("Linus", punct="?")
greet(greeting="Yo", name="Guido")
greet("Barbara", "Hey", ".")
greet(punct="...", greeting="Bye", name="Ken")


def scale(x, factor=2, offset=0):
    return x * factor + offset


print(scale(5), scale(5, 3), scale(5, offset=1), scale(x=5, factor=10, offset=-5), scale(offset=7, x=1))


def interval(lo=0.0, hi=1.0, steps=4):
    out = []
    for i in range(steps + 1):
        out.append(lo + (hi - lo) * i / steps)
    return out


print(interval())
print(interval(1.0, 2.0))
print(interval(steps=2))
print(interval(hi=10.0, lo=-10.0, steps=5))


def describe(a, b=10, c=100):
    print("a =", a, "b =", b, "c =", c, "sum =", a + b + c)


describe(1)
describe(1, 2)
describe(1, c=3)
describe(c=3, a=1)
describe(1, 2, 3)
