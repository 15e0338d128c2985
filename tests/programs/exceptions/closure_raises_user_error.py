# Closures that raise user exceptions: validators and limiters built by factories, caught by the caller.


class ValidationError(Exception):
    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field


class LimitExceeded(Exception):
    pass


def make_range_check(field, lo, hi):
    def check(value):
        if value < lo:
            raise ValidationError(field, f"{value} < {lo}")
        if value > hi:
            raise ValidationError(field, f"{value} > {hi}")
        return value
    return check


def make_limiter(limit):
    used = 0

    def take(n):
        nonlocal used
        if used + n > limit:
            raise LimitExceeded(f"asked {n}, only {limit - used} left")
        used += n
        return limit - used
    return take


checks = {"age": make_range_check("age", 0, 130), "score": make_range_check("score", 0, 100)}
rows = [{"age": 30, "score": 88}, {"age": -1, "score": 50}, {"age": 40, "score": 101}, {"age": 200, "score": -5}]
for row in rows:
    try:
        for field in checks:
            checks[field](row[field])
        print("valid:", row)
    except ValidationError as e:
        print("invalid:", e, "| field =", e.field)

take = make_limiter(10)
for n in [3, 4, 5, 2, 1, 1]:
    try:
        print("took", n, "left", take(n))
    except LimitExceeded as e:
        print("refused:", e)


def guarded(f, fallback):
    def call(x):
        try:
            return f(x)
        except ValidationError as e:
            print("  guarded caught", e.field)
            return fallback
    return call


safe_age = guarded(checks["age"], -1)
print([safe_age(v) for v in [5, 500, 77, -3]])


def compose_checks(first, second):
    def both(x):
        return second(first(x))
    return both


percent = compose_checks(make_range_check("low", 0, 1000), make_range_check("pct", 0, 100))
for v in [50, 500, 5000]:
    try:
        print(v, "ok", percent(v))
    except ValidationError as e:
        print(v, "failed in", e.field, "-", str(e))
        if e.field == "low":
            print("  first check failed")
