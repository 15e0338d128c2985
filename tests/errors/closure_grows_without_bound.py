# A closure built from the previous one in a loop has no finite type in kiln.
# expect: kiln cannot give this closure a type
# at: 7


def compose(f, g):
    return lambda x: f(g(x))


def inc(x):
    return x + 1


f = inc
for _ in range(3):
    f = compose(inc, f)
print(f(0))
