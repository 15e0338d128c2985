# control flow in kernels: for/while, break, continue, early return, elif chains
import gpu


@gpu.kernel
def first_divisor(x, out):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    if i >= len(x):
        return
    v = x[i]
    out[i] = v
    for d in range(2, v):
        if d * d > v:
            break
        if v % d != 0:
            continue
        out[i] = d
        break


@gpu.kernel
def classify(x, out):
    i = gpu.thread.x
    v = x[i]
    if v < 0:
        out[i] = -1
    elif v == 0:
        out[i] = 0
    elif v < 10:
        out[i] = 1
    elif v < 100:
        out[i] = 2
    else:
        out[i] = 3


@gpu.kernel
def digits(x, out):
    i = gpu.thread.x
    v = x[i]
    if v == 0:
        out[i] = 1
        return
    n = 0
    while v > 0:
        v = v // 10
        n += 1
    out[i] = n


@gpu.kernel
def nested(n, out):
    i = gpu.thread.x
    total = 0
    for a in range(n):
        if a == i:
            continue
        for b in range(a, n):
            if b > a + i:
                break
            total += a * b
    out[i] = total


@gpu.kernel
def search(x, target, out):
    i = gpu.thread.x
    lo = 0
    hi = len(x) - 1
    found = -1
    while lo <= hi:
        mid = (lo + hi) // 2
        if x[mid] == target + i:
            found = mid
            break
        elif x[mid] < target + i:
            lo = mid + 1
        else:
            hi = mid - 1
    out[i] = found


x = [2, 9, 15, 49, 97, 91, 1, 121, 221, 1000003]
out = [0] * 10
first_divisor(x, out, grid=3, block=4)
print(out)

y = [-7, 0, 5, 10, 99, 100, 12345]
c = [9] * 7
classify(y, c, grid=1, block=7)
print(c)

z = [0, 7, 10, 99, 1000, 123456789]
dg = [0] * 6
digits(z, dg, grid=1, block=6)
print(dg)

ns = [0] * 5
nested(6, ns, grid=1, block=5)
print(ns)

sorted_x = [i * 3 for i in range(50)]
res = [0] * 8
search(sorted_x, 30, res, grid=1, block=8)
print(res)
