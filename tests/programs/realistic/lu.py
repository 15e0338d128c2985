# kiln: build
# Gaussian elimination with partial pivoting: solve Ax=b, determinant and residuals
N = 4

def get(m, i, j):
    return m[i * N + j]

def put(m, i, j, v):
    m[i * N + j] = v

def show_matrix(m, title):
    print(title)
    for i in range(N):
        row = ""
        for j in range(N):
            row += f"{get(m, i, j):>10.4f}"
        print(row)

def solve(a, b):
    m = []
    for v in a:
        m.append(v)
    rhs = []
    for v in b:
        rhs.append(v)
    det = 1.0
    for k in range(N):
        piv = k
        best = abs(get(m, k, k))
        for i in range(k + 1, N):
            if abs(get(m, i, k)) > best:
                best = abs(get(m, i, k))
                piv = i
        if best < 1e-12:
            raise ZeroDivisionError("matrix is singular")
        if piv != k:
            det = -det
            for j in range(N):
                t = get(m, k, j)
                put(m, k, j, get(m, piv, j))
                put(m, piv, j, t)
            rhs[k], rhs[piv] = rhs[piv], rhs[k]
        det *= get(m, k, k)
        for i in range(k + 1, N):
            f = get(m, i, k) / get(m, k, k)
            for j in range(k, N):
                put(m, i, j, get(m, i, j) - f * get(m, k, j))
            rhs[i] -= f * rhs[k]
    show_matrix(m, "upper triangular:")
    x = [0.0] * N
    for i in range(N - 1, -1, -1):
        s = rhs[i]
        for j in range(i + 1, N):
            s -= get(m, i, j) * x[j]
        x[i] = s / get(m, i, i)
    print(f"det = {det:.6e}")
    return x

A = [2.0, 1.0, -1.0, 3.0,
     -3.0, -1.0, 2.0, 1.0,
     -2.0, 1.0, 2.0, -4.0,
     1.0, 5.0, -3.0, 0.5]
b = [8.0, -11.0, -3.0, 7.25]
show_matrix(A, "A:")
x = solve(A, b)
for i in range(N):
    print(f"x[{i}] = {x[i]:+.10f}  repr {x[i]!r}")
for i in range(N):
    r = b[i]
    for j in range(N):
        r -= get(A, i, j) * x[j]
    print(f"residual {i}: {abs(r):.2e} ok={abs(r) < 1e-9}")

H = []
for i in range(N):
    for j in range(N):
        H.append(1.0 / (i + j + 1))
ones = [1.0, 1.0, 1.0, 1.0]
y = solve(H, ones)
print("hilbert solution:", y)
S = [1.0, 2.0, 3.0, 4.0,
     2.0, 4.0, 6.0, 8.0,
     0.0, 1.0, 0.0, 1.0,
     5.0, 5.0, 5.0, 5.0]
print("now a singular one")
z = solve(S, ones)
print(z)
