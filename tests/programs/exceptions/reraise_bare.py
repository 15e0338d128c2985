# Bare `raise` re-raises the current exception; `raise e` re-raises a caught object.

log = []


def load(name):
    if "bad" in name:
        raise ValueError("cannot load " + name)
    return len(name)


def load_logged(name):
    try:
        return load(name)
    except ValueError:
        log.append("failed " + name)
        raise


def load_twice(name):
    try:
        return load_logged(name)
    except ValueError as e:
        log.append("retrying " + name)
        try:
            return load_logged(name[1:])
        except ValueError:
            raise e


for n in ["alpha", "bad-beta", "bbad", "gamma", "bbbad"]:
    try:
        print(n, load_twice(n))
    except ValueError as e:
        print(n, "gave up:", e)
print(log)


def guarded(x):
    try:
        if x < 0:
            raise RuntimeError("negative")
        return x * 2
    except RuntimeError as e:
        if x < -10:
            raise
        print("  recovered from", e)
        return 0


for x in [5, -1, -20, 3]:
    try:
        print(x, guarded(x))
    except RuntimeError as e:
        print(x, "propagated:", e)

# re-raise after partial handling inside a loop
handled = 0
try:
    for i in range(10):
        try:
            if i % 4 == 3:
                raise KeyError(i)
        except KeyError:
            handled += 1
            if handled == 2:
                raise
except KeyError as e:
    print("stopped at", e, "after", handled, "handled")
