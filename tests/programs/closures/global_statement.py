# `global` declarations: module-level counters, configuration and caches updated inside functions.

calls = 0
verbose = False
prefix = ">"
history = []
cache = {}


def log(msg):
    global calls
    calls += 1
    history.append(msg)
    if verbose:
        print(prefix, msg)


def set_verbose(flag, new_prefix):
    global verbose, prefix
    verbose = flag
    prefix = new_prefix


def fib(n):
    global calls
    calls += 1
    if n in cache:
        return cache[n]
    r = n if n < 2 else fib(n - 1) + fib(n - 2)
    cache[n] = r
    return r


def reset():
    global calls, history
    calls = 0
    history = []


log("quiet one")
log("quiet two")
print(calls, history)
set_verbose(True, "[v]")
log("loud three")
log("loud four")
print(calls, len(history), verbose, prefix)
reset()
print(calls, history)
print(fib(30), calls, len(cache))
print(fib(31), calls)
calls = 1000
log("after manual set")
print(calls, history)

total = 0


def accumulate(xs):
    global total
    for x in xs:
        total += x
    return total


print(accumulate([1, 2, 3]), accumulate([10]), total)


def read_only():
    # reading a global needs no declaration
    return total * 2 + calls


print(read_only())
