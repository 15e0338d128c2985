# A variable shared with a closure keeps one type, also when the closure assigns it.
# expect: `total` would change type from int to str
# at: 11


def make():
    total = 0

    def add(x):
        nonlocal total
        total = "many"
        return x

    return add


print(make()(1))
