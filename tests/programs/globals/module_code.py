# Module-level loops and variables, constants used by functions, shadowing by parameters.
LIMIT = 20
RATE = 0.05
TITLE = "compound"


def grow(amount, years):
    for y in range(years):
        amount = amount * (1 + RATE)
    return amount


def limit_ok(n):
    return n <= LIMIT


def shadow(LIMIT):
    return LIMIT * 2


print(TITLE, grow(100.0, 10), grow(1000.0, LIMIT))
print(limit_ok(5), limit_ok(25), shadow(7), LIMIT)
acc = 0
for k in range(LIMIT):
    if limit_ok(k * 2):
        acc += k
print("acc", acc)
i = 0
while i < 3:
    print("module while", i)
    i += 1
