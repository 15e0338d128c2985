# kiln: build
# lists of lists: grid[i][j] writes from a parallel loop over rows, new row lists stored into a shared list, game of life
from kiln import par

H = 12
W = 24
grid = []
for r in range(H):
    grid.append([0] * W)
# a glider and a blinker
grid[1][2] = 1
grid[2][3] = 1
grid[3][1] = 1
grid[3][2] = 1
grid[3][3] = 1
grid[8][15] = 1
grid[8][16] = 1
grid[8][17] = 1


def alive_next(g, r, c):
    n = 0
    for dr in range(-1, 2):
        for dc in range(-1, 2):
            if dr != 0 or dc != 0:
                n += g[(r + dr + H) % H][(c + dc + W) % W]
    if g[r][c] == 1:
        return 1 if n == 2 or n == 3 else 0
    return 1 if n == 3 else 0


def show(g, gen):
    pop = 0
    for row in g:
        for v in row:
            pop += v
    print("generation", gen, "population", pop)
    for row in g:
        line = ""
        for v in row:
            line += "#" if v == 1 else "."
        print(line)


nxt = []
for r in range(H):
    nxt.append([0] * W)
for gen in range(12):
    if gen % 4 == 0:
        show(grid, gen)
    @par(schedule="dynamic", chunk_size=2)
    for r in range(H):
        for c in range(W):
            nxt[r][c] = alive_next(grid, r, c)
    @par
    for r in range(H):
        for c in range(W):
            grid[r][c] = nxt[r][c]
show(grid, 12)

# rows built privately and stored whole into a shared list of lists
tri = []
for r in range(10):
    tri.append([0] * 0)
for r in par(range(10), num_threads=4):
    row_r = [1]
    for k in range(1, r + 1):
        row_r.append(row_r[k - 1] * (r - k + 1) // k)
    tri[r] = row_r
for row in tri:
    print(row)

# column sums of a matrix by a parallel loop over columns
m = []
for r in range(7):
    mr = []
    for c in range(5):
        mr.append((r + 1) * (c + 2) % 9)
    m.append(mr)
colsum = [0] * 5
@par(num_threads=2, chunk_size=1)
for c in range(5):
    s = 0
    for r2 in range(7):
        s += m[r2][c]
    colsum[c] = s
print(colsum)
