# kiln: build
# print() of a float uses the shortest repr that round-trips, switching to exponent form at 1e16 / 1e-5.
values = [0.1, 0.2, 0.1 + 0.2, 0.3, 1 / 3, 2 / 3, 1.0, -1.5, 100.0, 1e15, 1e16, 1e17,
          123456789.123456789, 12345678901234567.0, 1e22, 1e23, 1e100, 0.001, 0.0001,
          0.00001, 1e-05, 1.5e-07, -2.5e-10, 5e-324, 2.2250738585072014e-308,
          1.7976931348623157e+308, 4.35 * 100, 1.1 + 2.2, 3 * 1.1, 0.1 * 3, 9.95,
          2.675, 1e16 + 1, 9007199254740993.0, 0.5, 0.25, 1.0 / 1024, 314.0e-2,
          123e4, 1.0e-323, 99999999999999999.0, 0.1 + 0.7, 1.23456789e-8]
for v in values:
    print(v, -v, str(v))

total = 0.0
for i in range(10):
    total += 0.1
print(total, total == 1.0)
acc = 1.0
for i in range(30):
    acc = acc * 10.0
    print(acc)
small = 1.0
for i in range(12):
    small = small / 10.0
    print(small)
print(1e16 - 1, 1e16 + 2, 2.0 ** 53, 2.0 ** 53 + 1.0, 2.0 ** 53 + 2.0)
