# kiln: build
# Matrices stored as flat lists: multiply, transpose, identity, trace and power.
def matmul(a, b, n):
    c = [0] * (n * n)
    for i in range(n):
        for j in range(n):
            s = 0
            for k in range(n):
                s += a[i * n + k] * b[k * n + j]
            c[i * n + j] = s
    return c


def show(m, n):
    for i in range(n):
        line = ""
        for j in range(n):
            line = line + f"{m[i * n + j]:8d}"
        print(line)


def identity(n):
    m = [0] * (n * n)
    for i in range(n):
        m[i * n + i] = 1
    return m


def mat_pow(m, n, e):
    result = identity(n)
    base = m
    while e > 0:
        if e % 2 == 1:
            result = matmul(result, base, n)
        e //= 2
        if e > 0:
            base = matmul(base, base, n)
    return result


a = [1, 2, 3, 4, 5, 6, 7, 8, 9]
b = [9, 8, 7, 6, 5, 4, 3, 2, 1]
show(matmul(a, b, 3), 3)
print()
t = [0] * 9
for i in range(3):
    for j in range(3):
        t[j * 3 + i] = a[i * 3 + j]
show(t, 3)
print()
fibm = [1, 1, 1, 0]
f = mat_pow(fibm, 2, 90)
print("fib(90) via matrix power:", f[1])
m4 = [0] * 16
for i in range(16):
    m4[i] = (i * 5 + 3) % 7 - 3
p = mat_pow(m4, 4, 5)
show(p, 4)
tr = 0
for i in range(4):
    tr += p[i * 4 + i]
print("trace", tr)
