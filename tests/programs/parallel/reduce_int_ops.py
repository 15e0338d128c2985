# every reduction operator on ints: +=, *=, |=, &=, ^=, min, max (each alone, in functions and at module level)
from kiln import par

n = 5000
vals = [0] * n
for i in range(n):
    vals[i] = (i * 7919 + 13) % 10007 - 5000

total = 0
@par
for i in range(n):
    total += vals[i]
print("sum", total)

neg = 1000
@par(schedule="dynamic", chunk_size=3)
for i in range(n):
    neg += 0 if vals[i] > 0 else -1
print("count down", neg)

fact = 1
@par
for i in range(1, 21):
    fact *= i
print("20! =", fact)

sign = 1
for i in par(range(n), schedule="guided"):
    sign *= -1 if vals[i] % 3 == 0 else 1
print("sign", sign)

bits = 0
@par(chunk_size=1)
for i in range(n):
    bits |= 1 << (i % 61)
print("or", bits, bits == (1 << 61) - 1)

mask = (1 << 40) - 1
@par
for i in range(1, n):
    mask &= ~(1 << (i % 37)) if i % 1000 == 0 else -1
print("and", mask)

x = 0
@par(schedule="dynamic")
for i in range(n):
    x ^= vals[i] * 2654435761 % 4294967296
print("xor", x)

lo = 10 ** 9
hi = -10 ** 9
@par
for i in range(n):
    lo = min(lo, vals[i])
    hi = max(hi, vals[i])
print("min", lo, "max", hi)


def all_ops(k):
    s = 0
    p = 1
    o = 0
    a = -1
    e = 0
    small = k
    big = -k
    for j in par(range(k), num_threads=4):
        v = (j * j + 3 * j + 7) % 1009
        s += v
        p *= 1 if j % 7 else -1
        o |= v
        a &= v | 1024
        e ^= v
        small = min(small, v)
        big = max(big, v)
    return str(s) + " " + str(p) + " " + str(o) + " " + str(a) + " " + str(e) + " " + str(small) + " " + str(big)


for k in [0, 1, 2, 10, 100, 9999]:
    print(k, all_ops(k))
