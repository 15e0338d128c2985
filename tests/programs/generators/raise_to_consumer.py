# Generators that raise: the consumer catches the exception mid-iteration; the last one is uncaught (exit 1).


class StreamError(Exception):
    def __init__(self, position, message):
        super().__init__(message)
        self.position = position


def checked(values, limit):
    pos = 0
    for v in values:
        if v > limit:
            raise StreamError(pos, f"value {v} over limit {limit}")
        yield v
        pos += 1


total = 0
try:
    for v in checked([1, 2, 3, 50, 4], 10):
        total += v
        print("consumed", v, "total", total)
except StreamError as e:
    print("stopped at", e.position, "-", e)
print("total after error:", total)


def divide_all(nums, d):
    for n in nums:
        yield n // d


try:
    print(list(divide_all([10, 20, 30], 5)))
    print(list(divide_all([10, 20, 30], 0)))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)


def lookup_all(d, keys):
    for k in keys:
        yield d[k]


ages = {"ann": 31, "bob": 42}
seen = []
try:
    for age in lookup_all(ages, ["ann", "bob", "cy", "ann"]):
        seen.append(age)
except KeyError as e:
    print("missing key", e, "after", seen)

g = checked([5, 6, 100, 7], 10)
print(next(g), next(g))
try:
    print(next(g))
except StreamError as e:
    print("third next failed:", e.position, str(e))
print(next(g, -1), next(g, -2))


def process(batches):
    results = []
    for batch in batches:
        try:
            results.append(sum(checked(batch, 100)))
        except StreamError as e:
            results.append(-e.position)
        finally:
            print("batch done:", batch)
    return results


print(process([[1, 2], [3, 400, 5], [], [99, 100, 101]]))
print("now an uncaught one")
for v in checked([7, 8, 9, 1000], 9):
    print("value", v)
print("not reached")
