# Exceptions raised inside comprehensions, lambdas, sorted() keys and map() propagate to the caller.


def checked_sqrt(x):
    if x < 0:
        raise ValueError(f"negative input {x}")
    r = 0
    while (r + 1) * (r + 1) <= x:
        r += 1
    return r


data = [16, 9, 30, 0, 81]
print([checked_sqrt(x) for x in data])
try:
    print([checked_sqrt(x) for x in data + [-1, 4]])
except ValueError as e:
    print("list comprehension stopped:", e)

try:
    print({x: 100 // x for x in [5, 2, 0, 1]})
except ZeroDivisionError as e:
    print("dict comprehension stopped:", e)

try:
    print(sum(100 // (x - 3) for x in range(6)))
except ZeroDivisionError as e:
    print("generator expression stopped:", e)

words = ["pear", "fig", "apple", ""]
try:
    print(sorted(words, key=lambda w: w[1]))
except IndexError as e:
    print("sort key failed:", e)
print(sorted(words[:3], key=lambda w: w[1]))

table = {"a": 1, "b": 2}
lookup = lambda k: table[k]
try:
    print(list(map(lookup, ["a", "b", "c"])))
except KeyError as e:
    print("map failed on key", e)


def safe_map(f, xs, default):
    out = []
    for x in xs:
        try:
            out.append(f(x))
        except Exception:
            out.append(default)
    return out


print(safe_map(lookup, ["a", "z", "b"], -1))
print(safe_map(lambda s: int(s) * 2, ["1", "two", "3", ""], 0))
print(safe_map(checked_sqrt, [25, -25, 26], -1))
