# The chaos game: iterated function systems and vertex games drawn as ASCII density plots.
# Classes: Point with operator dunders, AffineMap, IFS (weighted choice of maps), ChaosGame with a
# RestrictedGame subclass overriding the vertex rule, and a Canvas that bins points.
# Optional size: the number of points per figure (default 150000).
import math
import random
import sys


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        return Point(self.x + o.x, self.y + o.y)

    def __sub__(self, o):
        return Point(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        return Point(self.x * k, self.y * k)

    def __repr__(self):
        return f"Point({self.x:.4f}, {self.y:.4f})"


class AffineMap:
    def __init__(self, a, b, c, d, e, f, weight):
        self.a = a
        self.b = b
        self.c = c
        self.d = d
        self.e = e
        self.f = f
        self.weight = weight
        self.used = 0

    def apply(self, p):
        self.used += 1
        return Point(self.a * p.x + self.b * p.y + self.e, self.c * p.x + self.d * p.y + self.f)


class IFS:
    def __init__(self, name, maps):
        self.name = name
        self.maps = maps
        total = 0.0
        self.cumulative = []
        for m in maps:
            total += m.weight
            self.cumulative.append(total)
        self.total = total

    def pick(self, r):
        x = r * self.total
        for i in range(len(self.maps)):
            if x < self.cumulative[i]:
                return self.maps[i]
        return self.maps[-1]

    def run(self, canvas, n):
        p = Point(0.0, 0.0)
        for i in range(n):
            p = self.pick(random.random()).apply(p)
            if i >= 20:
                canvas.plot(p)


class ChaosGame:
    def __init__(self, name, vertices, ratio):
        self.name = name
        self.vertices = vertices
        self.ratio = ratio
        self.last = -1
        self.visits = [0] * len(vertices)

    def choose_vertex(self):
        return random.randrange(len(self.vertices))

    def run(self, canvas, n):
        p = Point(0.3, 0.3)
        for i in range(n):
            k = self.choose_vertex()
            self.last = k
            self.visits[k] += 1
            v = self.vertices[k]
            p = p + (v - p) * self.ratio
            if i >= 20:
                canvas.plot(p)


class RestrictedGame(ChaosGame):
    # the next vertex may not be the same as the previous one
    def choose_vertex(self):
        while True:
            k = random.randrange(len(self.vertices))
            if k != self.last:
                return k


class Canvas:
    RAMP = " .:-=+*#%@"

    def __init__(self, width, height, xmin, xmax, ymin, ymax):
        self.width = width
        self.height = height
        self.xmin = xmin
        self.xmax = xmax
        self.ymin = ymin
        self.ymax = ymax
        self.counts = [[0] * width for _ in range(height)]
        self.plotted = 0
        self.outside = 0

    def plot(self, p):
        col = int((p.x - self.xmin) / (self.xmax - self.xmin) * self.width)
        row = int((self.ymax - p.y) / (self.ymax - self.ymin) * self.height)
        if 0 <= col < self.width and 0 <= row < self.height:
            self.counts[row][col] += 1
            self.plotted += 1
        else:
            self.outside += 1

    def render(self):
        peak = max(max(r) for r in self.counts)
        lines = []
        for r in self.counts:
            chars = []
            for c in r:
                if c == 0:
                    chars.append(" ")
                else:
                    level = int(math.sqrt(c / peak) * (len(Canvas.RAMP) - 1) + 0.999999)
                    chars.append(Canvas.RAMP[min(level, len(Canvas.RAMP) - 1)])
            lines.append("".join(chars).rstrip())
        return lines

    def occupancy(self):
        return sum(1 for r in self.counts for c in r if c > 0)


def polygon(n, radius):
    pts = []
    for i in range(n):
        ang = math.pi / 2 + 2 * math.pi * i / n
        pts.append(Point(radius * math.cos(ang), radius * math.sin(ang)))
    return pts


def show(title, canvas):
    print(f"== {title}: plotted {canvas.plotted}, outside {canvas.outside}, cells {canvas.occupancy()}")
    for line in canvas.render():
        print(line)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 150000
    random.seed(1234)

    sierpinski = ChaosGame("sierpinski", [Point(0.0, 0.0), Point(1.0, 0.0), Point(0.5, 0.866)], 0.5)
    c1 = Canvas(60, 18, -0.02, 1.02, -0.02, 0.9)
    sierpinski.run(c1, n)
    show("Sierpinski triangle", c1)
    print("vertex visits:", sierpinski.visits)

    fern = IFS("fern", [
        AffineMap(0.0, 0.0, 0.0, 0.16, 0.0, 0.0, 0.01),
        AffineMap(0.85, 0.04, -0.04, 0.85, 0.0, 1.6, 0.85),
        AffineMap(0.2, -0.26, 0.23, 0.22, 0.0, 1.6, 0.07),
        AffineMap(-0.15, 0.28, 0.26, 0.24, 0.0, 0.44, 0.07),
    ])
    c2 = Canvas(40, 22, -2.7, 2.7, 0.0, 10.0)
    fern.run(c2, n)
    show("Barnsley fern", c2)
    print("map usage:", [m.used for m in fern.maps])

    star = RestrictedGame("pentagon", polygon(5, 1.0), 0.5)
    c3 = Canvas(48, 18, -1.0, 1.0, -0.85, 1.0)
    star.run(c3, n)
    show("restricted pentagon", c3)
    print("vertex visits:", star.visits, "last vertex", star.last)


main()
