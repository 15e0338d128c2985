# int and float mixed in arithmetic: the result is a float.
print(1 + 2.5, 3 * 0.5, 10 - 0.25, 7 / 2.0, 2.5 - 1, 4 * 0.25, 1 - 1.0)
print(3 + 0.0, 3 * 1.0, -3 * 0.0, 0 * -1.5, 2 ** 0.5 * 2, 10 // 4.0, 10 % 4.0)
i = 7
f = 0.5
print(i + f, i - f, i * f, i / f, i // f, i % f, f - i, f / i, f ** i, i ** f)
total = 0.0
for k in range(10):
    total += k * 0.1
    print(k, total)
avg = 0.0
count = 0
for k in range(1, 11):
    avg = avg + (k - avg) / (count + 1)
    count += 1
print("running mean", avg, count)
big = 9007199254740993
print(big + 0.0, big * 1.0, big - 0.5, big / 1.0)
print(1 + 1e-16, 1 + 1e-15, 100 + 0.1 - 100)
