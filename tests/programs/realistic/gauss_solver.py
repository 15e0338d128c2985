# Matrix utilities and a tiny linear solver (Gaussian elimination with partial pivoting).
def identity(n):
    return [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]

def matmul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    return [[sum(a[i][k] * b[k][j] for k in range(m)) for j in range(p)] for i in range(n)]

def transpose(a):
    return [list(row) for row in zip(*a)]

def solve(a, b):
    n = len(a)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        if abs(m[pivot][col]) < 1e-12:
            raise ValueError("singular matrix")
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            for c in range(col, n + 1):
                m[r][c] -= f * m[col][c]
    x = [0.0] * n
    for i in range(n - 1, -1, -1):
        x[i] = (m[i][n] - sum(m[i][j] * x[j] for j in range(i + 1, n))) / m[i][i]
    return x

def show(mat):
    for row in mat:
        print(" ".join(f"{v:7.3f}" for v in row))

a = [[2.0, 1.0, -1.0], [-3.0, -1.0, 2.0], [-2.0, 1.0, 2.0]]
b = [8.0, -11.0, -3.0]
print([round(v, 6) for v in solve(a, b)])
show(matmul(a, identity(3)))
show(transpose(a))
try:
    solve([[1.0, 2.0], [2.0, 4.0]], [1.0, 2.0])
except ValueError as e:
    print("error:", e)
