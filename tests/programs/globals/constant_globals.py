# Module constants (globals every assignment sets to the same literal) read in loops,
# before assignment, and beside globals that change.
LIMIT = 1500
SCALE = 2.5
ZERO = 0.0
FLAG = True
BIG = 1 << 40
TWICE = 7
COUNTER = 0
NEG_ZERO = 0.0


def early():
    return LATE


def tri_sum():
    total = 0
    for i in range(LIMIT):
        for j in range(0, LIMIT, 7):
            total += (i + j) * (i + j + 1) // 2 + i + 1
    return total


def scaled(xs):
    s = 0.0
    for i in range(len(xs)):
        s += xs[i] * SCALE + ZERO
    return s


def bump():
    global COUNTER
    COUNTER += 1
    return COUNTER


def near_big(n):
    k = 0
    for i in range(n):
        k = BIG + BIG * i
    return k


try:
    print(early())
except NameError as e:
    print("NameError:", e)
LATE = 3
print(early())
print(tri_sum())
print(scaled([1.0, 2.0, 3.5]))
print(FLAG, TWICE)
TWICE = 7
print(TWICE)
print(bump(), bump(), COUNTER)
print(near_big(1), near_big(3))
NEG_ZERO = -0.0
print(NEG_ZERO, ZERO)
