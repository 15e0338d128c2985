# Comparisons between int and float are exact in Python: the int is not rounded to a float first.
a = 9007199254740993
f = 9007199254740992.0
print(a == f, a != f, a < f, a > f, a <= f, a >= f)
print(a - 1 == f, f == a - 1, f < a, f > a)
big = 9223372036854775807
g = 9223372036854775808.0
print(big == g, big < g, big > g, big <= g, g > big, g == big + 0.0)
print(2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53 + 1, 2 ** 53 + 1 > 2.0 ** 53 + 1)
print(-9223372036854775807 - 1 == -9223372036854775808.0, 1 == 1.0000000000000002)
print(10 ** 18 + 1 == 1e18, 10 ** 18 + 1 > 1e18, 10 ** 18 == 1e18)
