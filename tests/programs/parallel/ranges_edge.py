# range corners: empty ranges, negative steps, big steps, fewer iterations than threads, negative bounds
from kiln import par


def collect(lo, hi, step):
    n = 0
    for v in range(lo, hi, step):
        n += 1
    out = [0] * n
    s = 0
    c = 0
    far = 0
    @par(schedule="dynamic", chunk_size=2)
    for i in range(lo, hi, step):
        out[(i - lo) // step] = i
        s += i
        c += 1
        far = max(far, abs(i))
    return str(c) + " " + str(s) + " " + str(far) + " " + str(out)


print(collect(0, 0, 1))
print(collect(5, 5, 1))
print(collect(10, 0, 1))
print(collect(0, 10, -1))
print(collect(10, 0, -1))
print(collect(100, 0, -7))
print(collect(-1, -50, -3))
print(collect(-20, 20, 6))
print(collect(0, 1000000, 333333))
print(collect(7, 8, 1))
print(collect(7, 6, -1))
print(collect(3, -3, -5))

# one-argument and two-argument ranges in both spellings, with fewer iterations than threads
for n in [0, 1, 2, 3]:
    a = 0
    b = 0
    @par(num_threads=4)
    for i in range(n):
        a += i + 1
    for i in par(range(-n, n), num_threads=4, schedule="guided"):
        b += i * i
    print(n, a, b)

# the range's bounds are evaluated once, before the loop
lo = 3
hi = 30
s = 0
@par
for i in range(lo * 2, hi - lo, lo):
    s += i
print(s)

# extreme bounds: the iteration count fits even though hi - lo would overflow
big = 0
@par
for i in range(-9223372036854775807, 9223372036854775807, 4611686018427387904):
    big += i // 4611686018427387904
print(big)
