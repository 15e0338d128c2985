# The hash tables call __hash__ back and cannot unwind: one that may raise (overflow) is rejected.
# expect: may raise an exception
# at: 9
class Cell:
    def __init__(self, r, c):
        self.r = r
        self.c = c

    def __hash__(self):
        return self.r * 1000003 + self.c

    def __eq__(self, other):
        return self.r == other.r and self.c == other.c

    def __repr__(self):
        return f"Cell({self.r}, {self.c})"


grid = {Cell(0, 0): 1}
print(grid[Cell(0, 0)])
