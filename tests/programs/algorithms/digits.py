# Digit manipulation: digit sums, reversal, palindromes, Armstrong numbers, digital roots.
def digit_sum(n):
    s = 0
    while n > 0:
        s += n % 10
        n //= 10
    return s


def reverse(n):
    r = 0
    while n > 0:
        r = r * 10 + n % 10
        n //= 10
    return r


def num_digits(n):
    if n == 0:
        return 1
    c = 0
    while n > 0:
        c += 1
        n //= 10
    return c


def is_armstrong(n):
    k = num_digits(n)
    s = 0
    m = n
    while m > 0:
        s += (m % 10) ** k
        m //= 10
    return s == n


for n in [0, 7, 12345, 99999, 1000000, 9223372036854775807]:
    print(n, digit_sum(n), reverse(n) if n < 10 ** 18 else -1, num_digits(n))
pal = []
for n in range(100, 1000):
    if n == reverse(n) and n % 7 == 0:
        pal.append(n)
print("palindromes divisible by 7:", pal)
arm = []
for n in range(1, 100000):
    if is_armstrong(n):
        arm.append(n)
print("armstrong:", arm)
for n in [38, 9875, 123456789, 999999999999]:
    r = n
    while r >= 10:
        r = digit_sum(r)
    print("digital root", n, r, 1 + (n - 1) % 9)
n = 196
for i in range(10):
    n = n + reverse(n)
print("196 after 10 reverse-and-add steps:", n)
