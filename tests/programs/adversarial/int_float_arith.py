# kiln: build
# int/float arithmetic corners: ** sign combos, shifts, bitwise on negatives, floor div/mod signs, mixed compares
vals = [-7, -3, -1, 0, 1, 2, 5]
for a in vals:
    for b in [-3, -2, -1, 1, 2, 3]:
        print(a, b, a // b, a % b, a / b, -a // b, a & b, a | b, a ^ b, ~a, -a % -b)
for a in [-3, -2, 0, 2, 3]:
    for b in [0, 1, 2, 3, 5]:
        print(a, "**", b, "=", a ** b)
for a in [-3, -2, -1, 1, 2, 3]:
    for b in [-1, -2, -3]:
        print(a, "**", b, "=", float(a) ** b)
for fa in [-2.5, -1.0, -0.0, 0.0, 0.5, 2.0]:
    for b in [-2, -1, 0, 1, 2, 3]:
        if fa == 0.0 and b < 0:
            continue
        print(fa, "**", b, "=", fa ** b, fa ** float(b))
print(0 ** 0, 0.0 ** 0, 1 ** -5, (-1) ** -5, 1.0 ** 1e308, (-1.0) ** 1e308, 2 ** 0.5, 4 ** 0.5, 8 ** (1 / 3))
for s in [0, 1, 5, 31, 32, 62, 63]:
    print(s, 1 << s if s < 63 else 0, -1 << s, -5 >> s, 5 >> s, (-9223372036854775807 - 1) >> s, 9223372036854775807 >> s)
print(-1 >> 1000, 1 >> 1000, 0 << 1000, -(2 ** 62) << 1, ~0, ~-1, -1 & 0xFF, -256 | 15, -1 ^ 0x7FFFFFFFFFFFFFFF)
x = 2 ** 53
print(x + 1 == float(x + 1), float(x) == x + 1, x + 1 > float(x), 9223372036854775807 == 9.223372036854776e18, 9223372036854775807 < 9.223372036854776e18)
print(1 == 1.0, 1 < 1.0000000000000002, -0.0 == 0, 0.1 + 0.2 == 0.3, 3 / 2, 7 / -2, -7 // 2.0, 7 % -2.5, -7.5 % 2, 7.5 // -2)
print(10 / 4, 9007199254740993 / 1, 9007199254740993 / 3, -9223372036854775807 / 7, 1 / 3 * 3)
print(True + True, True * 3, -True, ~True, True << 2, True / 2, True // 2, True % 2, True ** 2, 5 - False, True & 3, True | False, True ^ True)
print(int(True), float(False), bool(0.0), bool(-0.0), bool(1e-300), bool(""), bool(" "), bool(-1))
print(abs(-0.0), abs(-5), abs(True))
print(1e308 + 1e308, -1e308 - 1e308, 1e-320 / 1e10, 2.5 % 0.5, -2.5 % 1, 5 % 0.3, 1e300 * 1e10 - 1e300 * 1e10)
print(float(9223372036854775807), int(9.2e18), int(-9.223372036854775e18))
