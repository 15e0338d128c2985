# IR snapshot: list creation, append, indexing and item assignment.
def build(n: int) -> list[int]:
    xs = [0] * n
    for i in range(n):
        xs[i] = i * 2
    xs.append(-1)
    return xs


ys = build(4)
ys[0] = ys[-1] + ys[1]
print(ys, len(ys))
