# kiln: build
# Integer // and % round toward negative infinity: the remainder takes the sign of the divisor.
def show(a, b):
    q = a // b
    r = a % b
    print(a, "//", b, "=", q, "|", a, "%", b, "=", r, "| identity", q * b + r == a)


values = [-17, -7, -6, -1, 0, 1, 6, 7, 17]
divisors = [-5, -3, -2, -1, 1, 2, 3, 5]
for a in values:
    for b in divisors:
        show(a, b)

print(-7 // 2, 7 // -2, -7 % 2, 7 % -2, -7 % -2, 7 % 2)
print(-1 // 10, 1 // -10, -1 % 10, 1 % -10)
print(1000000007 * 3 // 7, -(10 ** 18) // 7, -(10 ** 18) % 7)
big = 9223372036854775807
print(big // 10, big % 10, big // -10, big % -10)
print(-big // 3, -big % 3, big // big, -big // big)

# digit extraction of negative numbers with floor semantics
n = -1234
digits = 0
while n != 0 and digits < 8:
    print("n =", n, "n % 10 =", n % 10, "n // 10 =", n // 10)
    n = n // 10
    digits += 1
