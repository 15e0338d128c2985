# for loops over enumerate (with start), zip (2 and 3 lists, shortest wins), reversed; tuple targets
names = ["ann", "bob", "cy"]
ages = [31, 25, 40, 99]
for i, n in enumerate(names):
    print(i, n)
for i, n in enumerate(names, 10):
    print(i, n)
for n, a in zip(names, ages):
    print(n, a)
for n in reversed(names):
    print(n)
total = 0
for a, b, c in zip(ages, ages, names):
    total += a + b
print(total)
for p in zip(names, ages):
    print(p)
for x in reversed([]):
    print(x)
else:
    print("empty done")
