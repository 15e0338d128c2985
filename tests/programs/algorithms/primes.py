# Trial division, the nth prime, prime factorisation and Goldbach pairs.
def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


def nth_prime(k):
    count = 0
    n = 1
    while count < k:
        n += 1
        if is_prime(n):
            count += 1
    return n


def factor(n):
    out = ""
    d = 2
    while d * d <= n:
        while n % d == 0:
            out = out + str(d) + " "
            n //= d
        d += 1
    if n > 1:
        out = out + str(n)
    return out


line = ""
for n in range(60):
    if is_prime(n):
        line = line + str(n) + ","
print(line)
for k in [1, 10, 100, 1000, 5000]:
    print("prime #", k, "=", nth_prime(k))
for n in [2, 12, 360, 97, 1001, 65536, 999999, 600851475143, 9223372036854775807]:
    print("factor", n, ":", factor(n))
for n in range(4, 41, 6):
    for p in range(2, n // 2 + 1):
        if is_prime(p) and is_prime(n - p):
            print("goldbach", n, "=", p, "+", n - p)
            break
print(is_prime(2147483647), is_prime(1000000007), is_prime(1000000008))
