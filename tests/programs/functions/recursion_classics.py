# kiln: build
# Classic recursive functions.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


moves = 0


def hanoi(n, src, dst, via):
    global moves
    if n == 0:
        return
    hanoi(n - 1, src, via, dst)
    moves += 1
    if n >= 4:
        print("move disk", n, "from", src, "to", dst)
    hanoi(n - 1, via, dst, src)


def hanoi_count(n):
    if n == 0:
        return 0
    return 2 * hanoi_count(n - 1) + 1


def gcd(a, b):
    if b == 0:
        return a
    return gcd(b, a % b)


def power(base, e):
    if e == 0:
        return 1
    half = power(base, e // 2)
    if e % 2 == 0:
        return half * half
    return half * half * base


def binom(n, k):
    if k == 0 or k == n:
        return 1
    return binom(n - 1, k - 1) + binom(n - 1, k)


for i in range(21):
    print("fib", i, fib(i))
for i in range(0, 21, 4):
    print("fact", i, fact(i))
for m in range(4):
    for n in range(4):
        print("ackermann", m, n, ackermann(m, n))
hanoi(5, "A", "C", "B")
print("hanoi moves", moves, hanoi_count(5), hanoi_count(20))
print("gcd", gcd(1071, 462), gcd(17, 5), gcd(0, 9), gcd(2 ** 40, 6 ** 15), gcd(-12, 18))
print("power", power(2, 30), power(3, 20), power(7, 0), power(-2, 61))
for n in range(8):
    line = ""
    for k in range(n + 1):
        line = line + str(binom(n, k)) + " "
    print(line)
