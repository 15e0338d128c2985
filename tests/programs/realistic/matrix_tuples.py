# Matrix code: lists of lists, transpose via comprehensions, multiply, determinant by recursion on slices, (row, col) tuple coordinates, sparse dict
def make(rows, cols, f):
    return [[f(r, c) for c in range(cols)] for r in range(rows)]
def transpose(m):
    return [[m[r][c] for r in range(len(m))] for c in range(len(m[0]))]
def matmul(a, b):
    bt = transpose(b)
    return [[sum(x * y for x, y in zip(row, col)) for col in bt] for row in a]
def det(m):
    if len(m) == 1:
        return m[0][0]
    total = 0
    for c in range(len(m)):
        minor = [row[:c] + row[c + 1:] for row in m[1:]]
        sign = -1 if c % 2 else 1
        total += sign * m[0][c] * det(minor)
    return total
def show(m, title):
    print(title)
    width = max(len(str(v)) for row in m for v in row)
    for row in m:
        print("  [" + " ".join(str(v).rjust(width) for v in row) + "]")
a = make(3, 3, lambda r, c: r * 3 + c + 1)
b = make(3, 2, lambda r, c: (r - c) * 2)
show(a, "A")
show(transpose(a), "A^T")
show(b, "B")
show(matmul(a, b), "A*B")
m = [[2, -3, 1], [2, 0, -1], [1, 4, 5]]
print("det", det(m), det(a), det([[4]]))
ident = make(4, 4, lambda r, c: 1 if r == c else 0)
print(ident == transpose(ident), det(ident))
sparse = {}
for r in range(len(m)):
    for c in range(len(m[r])):
        if m[r][c] != 0:
            sparse[(r, c)] = m[r][c]
print(len(sparse), sparse[(2, 1)], (1, 1) in sparse)
diag = [sparse.get((i, i), 0) for i in range(3)]
print("trace", sum(diag), diag)
coords = sorted(sparse, key=lambda rc: (-sparse[rc], rc))
print(coords[:4])
rows_sum = [sum(row) for row in m]
cols_sum = [sum(col) for col in transpose(m)]
print(rows_sum, cols_sum, max(rows_sum), min(cols_sum))
neighbors = [(dr, dc) for dr in [-1, 0, 1] for dc in [-1, 0, 1] if (dr, dc) != (0, 0)]
print(len(neighbors), neighbors[:3])
fl = [[v / 2 for v in row] for row in a]
print(fl)
rot = [list(reversed(col)) for col in transpose(a)]
show(rot, "rot90")
print([row[::-1] for row in a][::-1])
