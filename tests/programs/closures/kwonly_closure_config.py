# Keyword-only parameters combined with closures: configured factories and callers passing keywords.


def make_validator(*, min_len=1, max_len=10, allow_digits=True):
    rejected = []

    def validate(s):
        if len(s) < min_len:
            rejected.append(s)
            return "too short"
        if len(s) > max_len:
            rejected.append(s)
            return "too long"
        if not allow_digits and any(ch.isdigit() for ch in s):
            rejected.append(s)
            return "has digits"
        return "ok"

    def get_rejected():
        return rejected

    return validate, get_rejected


v1, r1 = make_validator()
v2, r2 = make_validator(min_len=3, allow_digits=False)
v3, r3 = make_validator(max_len=4, min_len=2)
words = ["", "ab", "abc1", "hello", "extraordinary", "x9"]
for w in words:
    print(repr(w), v1(w), v2(w), v3(w))
print(r1(), r2(), r3())


def make_rounder(digits, *, mode="half", suffix=""):
    scale = 10 ** digits

    def rnd(x):
        if mode == "down":
            v = (x * scale) // 1 / scale
        elif mode == "up":
            v = -((-x * scale) // 1) / scale
        else:
            v = round(x, digits)
        return f"{v}{suffix}"

    return rnd


rounders = [make_rounder(1), make_rounder(2, mode="down"), make_rounder(0, suffix="!", mode="up")]
for x in [2.345, -1.25, 10.0, 0.5]:
    print(x, [r(x) for r in rounders])


def apply(f, x, *, times=1, trace=False):
    for i in range(times):
        x = f(x)
        if trace:
            print("  step", i + 1, x)
    return x


inc = lambda n: n + 3
print(apply(inc, 0), apply(inc, 0, times=4))
print(apply(lambda n: n * 2, 1, trace=True, times=5))
