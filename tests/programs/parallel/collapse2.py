# collapse=2 over two perfectly nested range loops: both spellings, grid[i][j] writes, reductions, steps, empty ranges
from kiln import par

R = 13
C = 17
grid = []
for r in range(R):
    grid.append([0] * C)

total = 0
@par(collapse=2)
for i in range(R):
    for j in range(C):
        grid[i][j] = i * 100 + j
        total += i * j
print(total)
print(grid[0][0], grid[5][7], grid[12][16])

check = 0
for i in par(range(R), collapse=2, schedule="dynamic", chunk_size=5):
    for j in range(C):
        check += grid[i][j]
print(check)

# starts and steps (one negative), guided schedule
cells = []
for r in range(4):
    cells.append([0] * 6)
count = 0
@par(collapse=2, schedule="guided", chunk_size=1)
for i in range(1, 9, 2):
    for j in range(5, -7, -2):
        cells[i // 2][(5 - j) // 2] = i * j
        count += 1
print(count, cells)


def table(a, b, threads):
    t = []
    for r in range(a):
        t.append([0] * b)
    s = 0
    m = -1
    for i in par(range(a), collapse=2, num_threads=threads):
        for j in range(b):
            v = (i + 1) * (j + 2) % 11
            t[i][j] = v
            s += v
            m = max(m, v)
    return str(s) + " " + str(m) + " " + str(len(t))


for dims in [[0, 5], [5, 0], [1, 1], [1, 9], [9, 1], [3, 3], [40, 50]]:
    print(dims, table(dims[0], dims[1], 3), table(dims[0], dims[1], 1))

# a collapsed loop nested inside a sequential loop
for rep in range(3):
    acc = 0
    @par(collapse=2, chunk_size=3)
    for i in range(rep + 2):
        for j in range(rep + 3):
            acc += (i + 1) * (j + 1) * (rep + 1)
    print("rep", rep, acc)
