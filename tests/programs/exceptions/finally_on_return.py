# finally runs when the try block returns, and when an except handler returns.

events = []


def fetch(key, table):
    events.append("open " + key)
    try:
        if key not in table:
            return "default"
        return table[key]
    finally:
        events.append("close " + key)


def compute(x):
    try:
        if x < 0:
            raise ValueError("negative")
        return x * x
    except ValueError:
        events.append("handler for " + str(x))
        return -1
    finally:
        events.append("finally for " + str(x))


def early_exit(items):
    count = 0
    for it in items:
        try:
            if it == "stop":
                return count
            count += 1
        finally:
            events.append("after " + it)
    return count


def nested_returns(n):
    try:
        try:
            if n == 0:
                return "inner"
        finally:
            events.append("inner finally")
        if n == 1:
            return "middle"
    finally:
        events.append("outer finally")
    return "end"


table = {"a": "apple", "b": "banana"}
print(fetch("a", table), fetch("z", table))
print(events)
events.clear()
print(compute(4), compute(-4))
print(events)
events.clear()
print(early_exit(["x", "y", "stop", "z"]), early_exit(["p"]))
print(events)
events.clear()
for n in range(3):
    print(nested_returns(n), events)
    events.clear()


def counter_with_finally(n):
    total = 0
    i = 0
    while True:
        try:
            i += 1
            if i > n:
                return total
            total += i
        finally:
            total += 1000
            events.append(str(total))


print(counter_with_finally(3), events)
