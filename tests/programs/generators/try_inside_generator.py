# Generators with try/except/finally inside: bad records are skipped or replaced, cleanup runs per item.


def parse_ints(items):
    for s in items:
        try:
            yield int(s)
        except ValueError:
            print("  skip", repr(s))


print(list(parse_ints(["1", "x", "22", "3.5", "-4", ""])))


def safe_ratios(pairs):
    for a, b in pairs:
        try:
            r = a / b
        except ZeroDivisionError:
            yield "inf"
            continue
        yield f"{r:.3f}"


print(list(safe_ratios([(1, 2), (3, 0), (10, 4), (0, 5), (7, 0)])))


def lookups(table, keys):
    missing = 0
    for k in keys:
        try:
            value = table[k]
        except KeyError:
            missing += 1
            value = -missing
        finally:
            print("  looked up", k)
        yield value


table = {"a": 1, "b": 2}
for v in lookups(table, ["a", "z", "b", "y"]):
    print("got", v)


class BadRecord(Exception):
    def __init__(self, line, reason):
        super().__init__(f"line {line}: {reason}")
        self.line = line


def check(n, text):
    if "=" not in text:
        raise BadRecord(n, "no '='")
    key, value = text.split("=", 1)
    if key == "":
        raise BadRecord(n, "empty key")
    return (key, value)


def records(lines):
    n = 0
    errors = []
    for line in lines:
        n += 1
        try:
            yield check(n, line)
        except BadRecord as e:
            errors.append(e.line)
            print("  bad:", e)
    print("  errors at", errors)


for rec in records(["a=1", "b", "=3", "c=4=5", "d="]):
    print(rec)


def retrying(values, limit):
    for v in values:
        attempt = 0
        while True:
            attempt += 1
            try:
                if v > attempt * 10:
                    raise ValueError(f"{v} too big for attempt {attempt}")
                yield (v, attempt)
                break
            except ValueError as e:
                if attempt >= limit:
                    yield (v, -1)
                    break
                print("  retry:", e)


print(list(retrying([5, 15, 35, 8], 3)))
