# kiln: build
# str() of ints, floats and bools, concatenated into text.
for v in [0, 7, -42, 9223372036854775807, -9223372036854775807 - 1, 1000000]:
    s = str(v)
    print("[" + s + "]", len(s))
for f in [0.0, -0.0, 1.5, 0.1 + 0.2, 1e16, 1e-05, 123456789.0, 1 / 3, 2.5e-300, 1e300 * 10]:
    s = str(f)
    print("[" + s + "]", len(s))
print("[" + str(True) + "][" + str(False) + "]")
print("total: " + str(3 * 4) + " items at " + str(0.25) + " each = " + str(3 * 4 * 0.25))
n = 12345
digits = str(n)
print(digits, len(digits), len(str(-n)), len(str(2 ** 62)))
