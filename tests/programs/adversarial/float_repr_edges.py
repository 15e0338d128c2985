# repr/str/f-string of edge floats (subnormals, 1e16 boundary, inf/nan), float() parsing, int() truncation
xs = [0.0, -0.0, 1.0, 0.1, 0.2 + 0.1, 1e16, 1e15, 123456789012345678.0, 1e-4, 1e-5, 0.0001234, 1.5e-7,
      5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 1e22, 1e21, 9999999999999998.0,
      1 / 3, 2 / 3, 100.0, 12345.678, -1.5, 3.141592653589793, 2.718281828459045, 1e100, 4.35,
      0.3, 1.0000000000000002, 0.9999999999999999, 123e-20, 1e308 * 10, -1e308 * 10]
for x in xs:
    print(x, repr(x), str(x), f"{x}", f"{x!r}")
inf = 1e308 * 10
nan = inf - inf
print(nan, -nan, inf, -inf, [nan, inf])
print(nan == nan, nan != nan, nan < 1, inf > 1e308, -inf < -1e308)
print(float("inf"), float("-inf"), float("nan"), float("1e3"), float(" 2.5 "), float("-0"))
print(int(2.9), int(-2.9), int(-0.5), int(1e18), float(2**53 + 1), float(-7))
print(0)
print(1e16 + 1, 2.0 ** 0.5, 10 ** -2, 2 ** -1, (-2) ** -2, 0.1 * 3)
