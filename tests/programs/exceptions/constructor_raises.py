# __init__ raising: the object is never bound; partially built state elsewhere stays consistent.


class Temperature:
    def __init__(self, kelvin):
        if kelvin < 0:
            raise ValueError(f"below absolute zero: {kelvin}")
        self.kelvin = kelvin

    def celsius(self):
        return self.kelvin - 273.15


class Range:
    created = 0

    def __init__(self, lo, hi):
        if lo > hi:
            raise ValueError(f"empty range {lo}..{hi}")
        self.lo = lo
        self.hi = hi
        Range.created += 1

    def span(self):
        return self.hi - self.lo


temps = []
for k in [300.0, -1.0, 0.0, 273.15, -273.0]:
    try:
        temps.append(Temperature(k))
        print("ok", k)
    except ValueError as e:
        print("rejected:", e)
print(len(temps), [round(t.celsius(), 2) for t in temps])

ranges = []
pairs = [(1, 5), (9, 2), (3, 3), (-4, 0), (7, 6)]
for lo, hi in pairs:
    try:
        r = Range(lo, hi)
    except ValueError as e:
        print("skip:", e)
        continue
    ranges.append(r)
print("created", Range.created, "spans", [r.span() for r in ranges])


def build_all(specs):
    out = []
    for lo, hi in specs:
        out.append(Range(lo, hi))
    return out


try:
    built = build_all([(0, 1), (2, 3), (5, 4), (6, 9)])
    print("built", len(built))
except ValueError as e:
    print("build_all failed:", e, "created so far", Range.created)
built = build_all([(0, 10), (10, 20)])
print("built", len(built), [r.span() for r in built], "created", Range.created)
