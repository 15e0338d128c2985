# Nested functions three levels deep: reading and assigning (nonlocal) variables of each outer level.


def outer(base):
    log = []
    total = 0

    def middle(factor):
        scale = factor * 10

        def inner(x):
            nonlocal total
            value = base + scale + x
            total += value
            log.append(value)
            return value

        r1 = inner(1)
        r2 = inner(2)
        return r1 + r2

    a = middle(1)
    b = middle(5)
    return a, b, total, log


print(outer(100))
print(outer(0))


def make_bank():
    accounts = {}

    def open_account(name):
        balance = 0
        accounts[name] = 0

        def deposit(amount):
            nonlocal balance

            def record():
                accounts[name] = balance
                return f"{name}={balance}"

            balance += amount
            return record()

        return deposit

    def summary():
        return sorted(accounts.items())

    return open_account, summary


open_account, summary = make_bank()
ann = open_account("ann")
bob = open_account("bob")
print(ann(10), bob(5), ann(7), bob(100))
print(summary())


def level1(a):
    def level2(b):
        def level3(c):
            return f"{a}-{b}-{c}"
        return [level3(c) for c in "xy"] + [level3(b)]
    return level2(a + "!") + level2("q")


print(level1("p"))


def counter_tree():
    count = 0

    def branch():
        nonlocal count
        count += 1

        def leaf():
            nonlocal count
            count += 100
            return count

        return leaf

    first = branch()
    second = branch()
    return [first(), second(), first(), count]


print(counter_tree())
