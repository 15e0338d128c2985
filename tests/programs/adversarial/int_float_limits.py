# int/float conversions and exact mixed comparisons and true division near 2**53 and 2**63
print(int(-9.223372036854775808e18))
print(int(9.223372036854774784e18))
M = 9223372036854775807
m = -M - 1
print(float(M), float(m), float(M - 512), float(M - 513), float(2**53 + 1), float(-(2**53) - 1))
print(M / 1, m / 1, M / M, m / m, M / 3, m / 7, (M - 1) / 2, 1 / M)
print(M == float(M), M < float(M), m == float(m), m <= float(m), M - 1 < 9.223372036854775807e18)
print(2**53 + 1 == 9007199254740992.0, 2**53 + 1 > 9007199254740992.0, 2**53 + 1 < 9007199254740993.0)
print(float("1e400") > M, float("-1e400") < m, float("nan") == M, float("nan") != m)
print(M % 10, m % 10, m // 10, M // -10, m % -10, M % -1, m % 1)
print(m + M, M + m, -M, M - 1, m + 1)
print(abs(m + 1), M // M, m // m, m // M, M // m)
print(M * 1.0, m * -1.0, M + 0.5, m - 0.5)
print(int(1e18), int(-1e18), int(123.999), int(-0.0), int(True))
x = 0.1
print(x * 3 == 0.3, x * 3 > 0.3, 0.5 == 1 / 2, 1e-323 > 0)
print(7 // 2.0, -7 // 2.0, 7.0 % -3, -7.0 % 3, 0.0 % 5, -0.0 % 5, 5 % float("inf"), -5 % float("inf"))
print(3.5 // 0.5, -3.5 % 0.5)
