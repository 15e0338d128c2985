# Unary minus, plus, invert and not.
x = 5
y = -2.5
z = 0
print(-x, +x, ~x, not x, -(-x), --x, -+-x, ~~x, not not x)
print(-y, +y, not y, -(-y), -0.0, -(0.0), -z, not z, ~z)
print(-(3 - 10), -(2 ** 3), (-2) ** 3, -x * -x, -x // 2, -(x // 2), -x % 3, -(x % 3))
print(not 0.0, not -0.0, not 0.1, not -1, not True, not False, -(-1))
b = True
print(not b, not not b, b)
