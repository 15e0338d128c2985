# Globals and def order: functions calling later defs, global lists filled in functions, rebinding with global, aliases of globals
def main():
    print(helper(3))
    record(5)
    record(6)
    print(log, total)

def helper(n):
    return n * scale

scale = 10
log = []
total = 0

def record(v):
    global total
    log.append(v * 0.5)
    total += v

main()

def setg():
    global late
    late = ["x"]

setg()
print(late)

def uses_later():
    return later_fn(2)

print("between")

def later_fn(x):
    return x + 1

print(uses_later())

xs = []
def gf(n):
    global xs
    xs = xs + [n]
    return xs
ys = xs
print(gf(1), gf(2), ys, xs)
def g(n):
    global xs
    xs += [n * 10]
zs = xs
g(3)
print(xs, zs)
