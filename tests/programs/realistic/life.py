# kiln: build
# Conway's game of life on a flat toroidal grid, printed as ASCII generations
W = 20
H = 10

def idx(r, c):
    return ((r + H) % H) * W + (c + W) % W

def neighbours(grid, r, c):
    n = 0
    for dr in range(-1, 2):
        for dc in range(-1, 2):
            if dr == 0 and dc == 0:
                continue
            n += grid[idx(r + dr, c + dc)]
    return n

def step(grid):
    out = [0] * (W * H)
    for r in range(H):
        for c in range(W):
            n = neighbours(grid, r, c)
            alive = grid[idx(r, c)] == 1
            if alive and (n == 2 or n == 3):
                out[idx(r, c)] = 1
            elif not alive and n == 3:
                out[idx(r, c)] = 1
    return out

def show(grid, gen):
    print(f"generation {gen:>3}  population {population(grid)}")
    for r in range(H):
        line = ""
        for c in range(W):
            line += "#" if grid[idx(r, c)] else "."
        print(line)

def population(grid):
    total = 0
    for v in grid:
        total += v
    return total

grid = [0] * (W * H)
# glider
grid[idx(0, 1)] = 1
grid[idx(1, 2)] = 1
grid[idx(2, 0)] = 1
grid[idx(2, 1)] = 1
grid[idx(2, 2)] = 1
# blinker
grid[idx(5, 10)] = 1
grid[idx(5, 11)] = 1
grid[idx(5, 12)] = 1
# r-pentomino-ish
grid[idx(7, 15)] = 1
grid[idx(7, 16)] = 1
grid[idx(8, 14)] = 1
grid[idx(8, 15)] = 1
grid[idx(9, 15)] = 1

history = []
for gen in range(12):
    if gen % 3 == 0:
        show(grid, gen)
    history.append(population(grid))
    grid = step(grid)

print("populations:", history)
print("max", max(history), "min", min(history))
peak = 0
for i in range(len(history)):
    if history[i] > history[peak]:
        peak = i
else:
    print("peak at generation", peak)
