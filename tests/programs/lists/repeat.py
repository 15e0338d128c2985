# kiln: build
# [x] * n creates independent slots; n = 0 and negative n give empty lists.
a = [0] * 5
a[2] = 7
print(a, len(a))
b = [1.5] * 0
print(b, len(b))
c = [True] * -3
print(c, len(c))
d = ["-"] * 4
d[0] = "x"
print(d)
n = 3
grid = [0] * (n * n)
for r in range(n):
    for col in range(n):
        grid[r * n + col] = r * 10 + col
print(grid)
big = [1] * 100000
s = 0
for v in big:
    s += v
print(len(big), s)
counts = [0] * 10
for i in range(1000):
    counts[(i * 7 + 3) % 10] += 1
print(counts)
