# Helper module: its top level runs exactly once, however many times it is imported.
print("loading module", __name__)

PRECISION = 3
loads = 0


def clamp(x, lo, hi):
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


def fmt(x):
    return f"{x:.{PRECISION}f}"


def bump():
    global loads
    loads += 1
    return loads
