# A generator raises part-way through a for loop; the try around the loop catches it and the work done so far stays.


class CorruptRecord(Exception):
    def __init__(self, index, text):
        super().__init__(f"record {index} is corrupt: {text!r}")
        self.index = index


def decode(lines):
    for i, line in enumerate(lines):
        if not line.startswith("#"):
            raise CorruptRecord(i, line)
        yield int(line[1:])


def load(lines):
    values = []
    try:
        for v in decode(lines):
            values.append(v)
            print("  loaded", v)
    except CorruptRecord as e:
        print("  error:", e)
        return values, e.index
    except ValueError as e:
        print("  bad number:", e)
        return values, -2
    return values, -1


print(load(["#1", "#2", "#3"]))
print(load(["#10", "#20", "oops", "#40"]))
print(load(["#5", "#x6", "#7"]))
print(load(["#9"]))


def windows(xs, size):
    if size <= 0:
        raise ValueError(f"window size must be positive, got {size}")
    for i in range(len(xs) - size + 1):
        yield xs[i:i + size]


for size in [2, 0, 4, -1]:
    try:
        print(size, [sum(w) for w in windows([1, 2, 3, 4, 5], size)])
    except ValueError as e:
        print(size, "ValueError:", e)


def averages(groups):
    for name, nums in groups:
        yield name, sum(nums) // len(nums)


done = []
try:
    for name, avg in averages([("a", [1, 2, 3]), ("b", [10, 20]), ("c", []), ("d", [4])]):
        done.append(name)
        print(name, avg)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e, "after", done)
finally:
    print("finished with", len(done), "groups")

attempts = 0
while attempts < 3:
    attempts += 1
    try:
        for v in decode(["#1", "#2", "bad" if attempts < 3 else "#3"]):
            print("attempt", attempts, "value", v)
        print("attempt", attempts, "succeeded")
    except CorruptRecord as e:
        print("attempt", attempts, "failed at", e.index)
