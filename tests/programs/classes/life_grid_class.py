# Conway's Game of Life with a Board class (wrapping edges), generations and pattern detection.
import random


class Board:
    def __init__(self, w, h):
        self.w = w
        self.h = h
        self.cells = [[False] * w for _ in range(h)]
        self.generation = 0

    @classmethod
    def from_strings(cls, lines):
        b = cls(len(lines[0]), len(lines))
        for y in range(b.h):
            for x in range(b.w):
                b.cells[y][x] = lines[y][x] == "#"
        return b

    def alive(self, x, y):
        return self.cells[y % self.h][x % self.w]

    def neighbours(self, x, y):
        n = 0
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                if (dx != 0 or dy != 0) and self.alive(x + dx, y + dy):
                    n += 1
        return n

    def step(self):
        new = [[False] * self.w for _ in range(self.h)]
        for y in range(self.h):
            for x in range(self.w):
                n = self.neighbours(x, y)
                new[y][x] = n == 3 or (n == 2 and self.cells[y][x])
        self.cells = new
        self.generation += 1

    def population(self):
        return sum(row.count(True) for row in self.cells)

    def signature(self):
        return "".join("#" if c else "." for row in self.cells for c in row)

    def __str__(self):
        return "\n".join("".join("#" if c else "." for c in row) for row in self.cells)


glider = Board.from_strings([
    ".#......",
    "..#.....",
    "###.....",
    "........",
    "........",
    "........",
])
print(glider)
for _ in range(4):
    glider.step()
print("gen", glider.generation, "pop", glider.population())
print(glider)

blinker = Board.from_strings([".....", "..#..", "..#..", "..#..", "....."])
seen = {}
while blinker.signature() not in seen:
    seen[blinker.signature()] = blinker.generation
    blinker.step()
print("blinker period", blinker.generation - seen[blinker.signature()])

random.seed(7)
soup = Board(16, 10)
for y in range(soup.h):
    for x in range(soup.w):
        soup.cells[y][x] = random.random() < 0.35
pops = []
for _ in range(25):
    pops.append(soup.population())
    soup.step()
print(pops)
print(soup)
