# Catching a tuple of exception types in one clause.


def lookup(data, path):
    cur = data[path[0]]
    idx = int(path[1])
    return cur[idx] // int(path[2])


data = {"a": [10, 20, 30], "b": [7], "c": [0, 5]}
queries = [
    ["a", "1", "3"],
    ["a", "9", "1"],
    ["z", "0", "1"],
    ["b", "0", "0"],
    ["c", "x", "1"],
    ["c", "1", "2"],
    ["a", "-1", "-4"],
]
for q in queries:
    try:
        print(q, "=", lookup(data, q))
    except (KeyError, IndexError) as e:
        print(q, "lookup failed:", type(e).__name__, e)
    except (ValueError, ZeroDivisionError) as e:
        print(q, "bad number:", type(e).__name__, e)

counts = {"lookup": 0, "number": 0, "ok": 0}
for i in range(30):
    q = [["a", "b", "c", "d"][i % 4], str(i % 5 - 1), str(i % 3)]
    try:
        lookup(data, q)
        counts["ok"] += 1
    except (LookupError, TypeError):
        counts["lookup"] += 1
    except (ArithmeticError, ValueError):
        counts["number"] += 1
print(counts)

ERRS = (ZeroDivisionError, IndexError)
try:
    print([1, 2][2])
except ERRS as e:
    print("caught via a tuple stored in a variable:", e)
