# @par(gpu=True) loops: the body runs once per index (sequentially under CPython)
from kiln import par

n = 1000
xs = [i * 0.5 for i in range(n)]
ys = [0.0] * n
@par(gpu=True)
for i in range(n):
    ys[i] = 2.0 * xs[i] + 1.0
print(ys[0], ys[1], ys[999], sum(ys))

sq = [0] * 100
@par(gpu=True)
for i in range(100):
    v = i - 50
    if v < 0:
        sq[i] = -v * v
    else:
        sq[i] = v * v
print(sq[0], sq[49], sq[50], sq[99], sum(sq))

# a start and a step
marks = [0] * 40
@par(gpu=True)
for i in range(3, 40, 4):
    marks[i] = i
print(marks)


def scale(xs, out, f):
    @par(gpu=True)
    for i in range(len(xs)):
        out[i] = xs[i] * f
    return len(xs)


out = [0.0] * n
print(scale(xs, out, 4.0), out[10], sum(out))

# the call form
fl = [False] * 20
for i in par(range(20), gpu=True):
    fl[i] = i % 3 == 0
cnt = 0
for f in fl:
    if f:
        cnt += 1
print(cnt, fl[0], fl[1], fl[18])
