# kiln: build
# The ** operator: int ** non-negative int stays int, anything with a float is float.
print(2 ** 10, 2 ** 0, 0 ** 0, 1 ** 100, (-1) ** 101, (-2) ** 3, (-3) ** 4)
print(2 ** 62, 3 ** 39, 10 ** 18, 7 ** 22)
# (-2) ** 63 is exactly the smallest 64-bit integer: it fits
print((-2) ** 63, (-2) ** 62, (-3) ** 39)
# precedence: ** binds tighter than unary minus and is right-associative
print(-2 ** 2, (-2) ** 2, 2 ** 3 ** 2, (2 ** 3) ** 2, 2 ** -1.0)
print(2.0 ** 10, 2 ** 0.5, 2.0 ** -2, 0.5 ** 3, 10.0 ** -3, 4 ** 0.5, 1.5 ** 2)
print(0.0 ** 0, 0.0 ** 2.5, (-2.0) ** 3, (-2.0) ** 2, (-8.0) ** 3.0, 10.0 ** 22, 10.0 ** 23)
print(1.0000001 ** 1000000, 0.99 ** 500, 2.0 ** 1023, 2.0 ** -1074)
for e in range(0, 63, 7):
    print("2 **", e, "=", 2 ** e, " 3 **", e // 2, "=", 3 ** (e // 2))
x = 3
x **= 4
y = 1.5
y **= 3
print(x, y)
n = 5
p = 1.5
print(n ** p, p ** n, n ** 2, p ** 2)
# integer power by squaring done by hand agrees with **
base = 3
exp = 35
result = 1
b = base
e2 = exp
while e2 > 0:
    if e2 % 2 == 1:
        result = result * b
    e2 = e2 // 2
    if e2 > 0:
        b = b * b
print(result, base ** exp, result == base ** exp)
