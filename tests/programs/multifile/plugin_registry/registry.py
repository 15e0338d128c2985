# The registry: module-level state changed through functions with `global`.
print("registry: loading as", __name__)

handlers = {}
calls = 0
misses = 0


def register(name, f):
    handlers[name] = f


def registered_names():
    return sorted(handlers)


def count():
    return len(handlers)


def run(name, arg):
    global calls, misses
    calls += 1
    if name not in handlers:
        misses += 1
        return "<no handler>"
    return handlers[name](arg)


def reset_stats():
    global calls, misses
    calls = 0
    misses = 0


if __name__ == "__main__":
    print("registry self-test (should not run on import)")
