# The / operator always gives a float, also for two ints.
print(7 / 2, -7 / 2, 7 / -2, 1 / 3, 2 / 3, 10 / 5, 0 / 5, -0 / 5, 1 / 7, 22 / 7)
print(1 / 1, 100 / 8, 3 / 4, 5 / 1000, 1 / 1000000, 1 / 100000, 1 / 10000)
print(7.0 / 2, 7 / 2.0, 1.0 / 3.0, -1.0 / 3, 0.0 / 3, -0.0 / 3, 1e300 / 1e-10)
for i in range(1, 13):
    print(i, 1 / i, i / 7, -i / 3)
total = 0.0
for i in range(1, 101):
    total += 1 / i
print("harmonic(100) =", total)
