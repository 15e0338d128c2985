# Tuple comparison looks at positions only up to the first difference: `__eq__`/`__lt__` of
# later positions are never called (their prints would show).
class Loud:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        print("eq", self.n, other.n)
        return self.n == other.n

    def __lt__(self, other):
        print("lt", self.n, other.n)
        return self.n < other.n


print((1, Loud(1)) < (2, Loud(2)))
print((1, Loud(1)) == (2, Loud(2)))
print((1, Loud(3)) < (1, Loud(4)))
print((1, Loud(5), 0) < (1, Loud(5), 1))
print((Loud(6), 1) > (Loud(7), 0))
