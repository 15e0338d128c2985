# Closures as sort/min/max/filter/map keys that see later changes to captured data; a closure that returns itself for chained calls.


def rank_by(priority):
    return lambda name: (priority.get(name, 99), name)


prio = {"b": 1, "c": 0}
key = rank_by(prio)
names = ["a", "b", "c", "d"]
print(sorted(names, key=key), max(names, key=key), min(names, key=key))
prio["a"] = -1
print(sorted(names, key=key))
limit = 2
print(list(filter(lambda n: prio.get(n, 99) < limit, names)), list(map(lambda n: n * limit, names)))


def make_acc():
    total = 0
    history = []

    def add(x):
        nonlocal total
        total += x
        history.append(total)
        return add

    def get():
        return total, history

    return add, get


add, get = make_acc()
add(1)(2)(3)
print(get())


def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x


def make_step(k):
    return lambda v: v * 2 + k


print([apply_n(make_step(k), 3, 1) for k in range(4)])
print(apply_n(lambda s: s + "!", 3, "hi"))
