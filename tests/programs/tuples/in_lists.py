# lists of tuples, tuple parameters and results, tuples assigned in loops
points = []
for i in range(5):
    points.append((i, i * i, str(i)))
print(points[2], len(points))
g = (0.5, 2)
def scale(p: tuple[float, int]) -> float:
    return p[0] * p[1]
print(scale(g))
def find(xs, target):
    for i, v in [(0, 0)]:
        pass
    best = (-1, -1)
    k = 0
    for x in xs:
        if x == target:
            best = (k, x)
        k += 1
    return best
print(find([5, 7, 9], 7))
