# several reductions of different kinds and types in one loop, some updated only on some iterations (continue)
from kiln import par

n = 30000
count = 0
evens = 0
odds = 0.0
prod = 1
lo = n
hi = -1
flags = 0
parity = 0
@par(schedule="dynamic", chunk_size=64)
for i in range(n):
    v = (i * i * 7 + i * 48271) % 1000003 % 1000
    count += 1
    if v % 10 == 0:
        continue
    if v % 2 == 0:
        evens += v
    else:
        odds += v * 0.5
    if i % 1000 == 1:
        prod *= 3
    lo = min(lo, v)
    hi = max(hi, v)
    flags |= 1 << (v % 50)
    parity ^= v
print(count, evens, odds, prod, lo, hi, flags, parity)


def stats(k, step):
    s = 0
    sq = 0
    m = 0
    c = 0
    for j in par(range(0, k, step), schedule="guided"):
        if j % 3 == 0:
            continue
        s += j
        sq += j * j
        m = max(m, j % 101)
        c += 1
    return [s, sq, m, c]


for k in [0, 5, 100, 12345]:
    for step in [1, 4, 1000]:
        print(k, step, stats(k, step))
