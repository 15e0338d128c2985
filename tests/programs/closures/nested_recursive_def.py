# Nested functions that call themselves recursively, reading and updating the enclosing scope.


def count_paths(grid):
    rows = len(grid)
    cols = len(grid[0])
    memo = {}
    visits = [0]

    def paths(r, c):
        visits[0] += 1
        if r >= rows or c >= cols or grid[r][c] == 1:
            return 0
        if r == rows - 1 and c == cols - 1:
            return 1
        key = (r, c)
        if key in memo:
            return memo[key]
        total = paths(r + 1, c) + paths(r, c + 1)
        memo[key] = total
        return total

    result = paths(0, 0)
    return result, visits[0], len(memo)


print(count_paths([[0, 0, 0], [0, 1, 0], [0, 0, 0]]))
print(count_paths([[0] * 5 for _ in range(5)]))
print(count_paths([[0, 1], [1, 0]]))


def flatten_depths(nested):
    out = []
    deepest = 0

    def walk(items, depth):
        nonlocal deepest
        if depth > deepest:
            deepest = depth
        for s in items:
            if s.startswith("("):
                walk(s[1:-1].split(";"), depth + 1)
            else:
                out.append(f"{s}@{depth}")

    walk(nested, 0)
    return out, deepest


print(flatten_depths(["a", "(b;c)", "d", "(e;(f;g))"]))


def hanoi(n):
    moves = []

    def move(k, src, dst, via):
        if k == 0:
            return
        move(k - 1, src, via, dst)
        moves.append(f"{k}:{src}{dst}")
        move(k - 1, via, dst, src)

    move(n, "A", "C", "B")
    return moves


for n in range(1, 5):
    m = hanoi(n)
    print(n, len(m), " ".join(m[:7]))


def gcd_steps(a, b):
    steps = 0

    def g(x, y):
        nonlocal steps
        steps += 1
        return x if y == 0 else g(y, x % y)

    return g(a, b), steps


print([gcd_steps(a, b) for a, b in [(48, 18), (1071, 462), (17, 5), (100, 0)]])
