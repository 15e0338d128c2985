# calling pure user functions from the body: recursion (fib, ackermann-like), defaults and keywords, functions with local lists, math
import math
from kiln import par


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def gcd(a, b):
    while b != 0:
        a, b = b, a % b
    return a


def digits(n, base=10):
    ds = []
    while n > 0:
        ds.append(n % base)
        n //= base
    return ds


def digit_sum(n, base=10):
    s = 0
    for d in digits(n, base=base):
        s += d
    return s


def collatz_len(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


fibs = [0] * 27
@par(schedule="dynamic", chunk_size=1)
for i in range(27):
    fibs[i] = fib(i)
print(fibs)

g = 0
coprime = 0
for i in par(range(1, 500), schedule="guided"):
    g += gcd(i, 360)
    coprime += 1 if gcd(i, 360) == 1 else 0
print(g, coprime)

ds = [0] * 50
for i in par(range(50)):
    ds[i] = digit_sum(i * 12345) * 100 + digit_sum(i * 12345, base=2)
print(ds)

longest = 0
steps_total = 0
@par(schedule="dynamic", chunk_size=100)
for i in range(1, 30000):
    c = collatz_len(i)
    longest = max(longest, c)
    steps_total += c
print(longest, steps_total)

acks = [0] * 16
@par(collapse=2, chunk_size=1)
for m in range(4):
    for k in range(4):
        acks[m * 4 + k] = ack(m, k)
print(acks)

hyp = 0.0
@par
for i in range(1, 101):
    hyp = max(hyp, math.hypot(i * 3.0, i * 4.0) - i * 5.0)
print(hyp, math.floor(math.sqrt(fib(20))))
