# Operator precedence and associativity.
print(2 + 3 * 4 ** 2 // 5 % 7 - -1, (2 + 3) * 4, 2 + 3 * 4, 2 * 3 + 4, 2 ** 2 ** 3)
print(1 << 2 + 1, (1 << 2) + 1, 6 & 3 | 8 ^ 1, 6 & (3 | 8) ^ 1, 1 | 2 ^ 3 & 4)
print(10 - 4 - 3, 10 - (4 - 3), 100 // 10 // 3, 100 // (10 // 3), 2 * 3 % 4, 2 * (3 % 4))
print(-3 ** 2, (-3) ** 2, not 1 + 1 == 2, not (1 + 1 == 3), 1 + 2 == 3 and 2 < 3)
print(1 < 2 == 2, (1 < 2) == True, 3 > 2 > 1, 3 > 2 < 1, 2 * 3 ** 2, -2 ** -1.0)
print(7 - 2 * 3 + 8 / 4, 7 % 3 * 2, 7 * 3 % 4, 1 + 2 << 3, 1 + (2 << 3), ~1 + 1, ~(1 + 1))
print(True or False and False, (True or False) and False, not True or True, not (True or True))
