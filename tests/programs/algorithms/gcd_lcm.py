# Euclid's gcd (iterative and binary), lcm, extended gcd and modular inverse.
def gcd(a, b):
    while b != 0:
        a, b = b, a % b
    return a


def binary_gcd(a, b):
    if a == 0:
        return b
    if b == 0:
        return a
    shift = 0
    while (a | b) & 1 == 0:
        a >>= 1
        b >>= 1
        shift += 1
    while a & 1 == 0:
        a >>= 1
    while b != 0:
        while b & 1 == 0:
            b >>= 1
        if a > b:
            a, b = b, a
        b -= a
    return a << shift


def lcm(a, b):
    return a // gcd(a, b) * b


def mod_inverse(a, m):
    old_r, r = a, m
    old_s, s = 1, 0
    while r != 0:
        q = old_r // r
        old_r, r = r, old_r - q * r
        old_s, s = s, old_s - q * s
    if old_r != 1:
        return -1
    return old_s % m


pairs = [12, 18, 17, 5, 0, 7, 1071, 462, 1000000007, 998244353, 2 ** 40, 6 ** 10, 123456789, 987654321]
i = 0
while i < len(pairs):
    a = pairs[i]
    b = pairs[i + 1]
    print(a, b, gcd(a, b), binary_gcd(a, b), lcm(a, b) if a > 0 and b > 0 else 0)
    i += 2
l = 1
for k in range(1, 31):
    l = lcm(l, k)
print("lcm(1..30) =", l)
for a in [3, 7, 10, 12, 123456]:
    inv = mod_inverse(a, 1000000007)
    print("inverse of", a, "mod 1e9+7:", inv, (a * inv) % 1000000007)
print(mod_inverse(6, 9))
