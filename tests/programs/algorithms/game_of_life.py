# Conway's game of life on a small torus stored as a flat list of bools.
W = 16
H = 10
grid = [False] * (W * H)
glider = [1, 0, 2, 1, 0, 2, 1, 2, 2, 2]
i = 0
while i < len(glider):
    grid[glider[i + 1] * W + glider[i]] = True
    i += 2
blinker = [10, 5, 11, 5, 12, 5]
i = 0
while i < len(blinker):
    grid[blinker[i + 1] * W + blinker[i]] = True
    i += 2


def show(g, gen):
    print("generation", gen)
    for y in range(H):
        line = ""
        for x in range(W):
            line = line + ("#" if g[y * W + x] else ".")
        print(line)


def step(g):
    out = [False] * (W * H)
    for y in range(H):
        for x in range(W):
            n = 0
            for dy in range(-1, 2):
                for dx in range(-1, 2):
                    if dx != 0 or dy != 0:
                        if g[((y + dy) % H) * W + (x + dx) % W]:
                            n += 1
            alive = g[y * W + x]
            out[y * W + x] = n == 3 or (alive and n == 2)
    return out


for gen in range(5):
    show(grid, gen)
    grid = step(grid)
for gen in range(5, 40):
    grid = step(grid)
show(grid, 40)
pop = 0
for c in grid:
    if c:
        pop += 1
print("population", pop)
