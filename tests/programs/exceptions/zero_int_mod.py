# ZeroDivisionError from int % 0 computed inside a loop.
total = 0
for m in range(5, -1, -1):
    total += 1000 % m
    print("m", m, "total", total)
print("not reached")
