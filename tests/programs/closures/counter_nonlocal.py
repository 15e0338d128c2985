# Closures with `nonlocal`: counters, accumulators and independent instances of the same closure.


def make_counter(start=0, step=1):
    count = start

    def next_value():
        nonlocal count
        count += step
        return count

    return next_value


c1 = make_counter()
c2 = make_counter(100, 10)
print(c1(), c1(), c1())
print(c2(), c2())
print(c1(), c2())
c3 = make_counter(step=-2)
print([c3() for _ in range(5)])


def make_account(balance):
    history = []

    def deposit(amount):
        nonlocal balance
        balance += amount
        history.append(("deposit", amount))
        return balance

    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            history.append(("refused", amount))
            return balance
        balance -= amount
        history.append(("withdraw", amount))
        return balance

    def get_history():
        return list(history)

    return deposit, withdraw, get_history


dep, wd, hist = make_account(50)
print(dep(25), wd(100), wd(60), dep(5))
print(hist())
dep2, wd2, hist2 = make_account(0)
print(dep2(1), hist2(), len(hist()))


def running_stats():
    n = 0
    total = 0.0
    largest = float("-inf")

    def add(x):
        nonlocal n, total, largest
        n += 1
        total += x
        if x > largest:
            largest = x
        return (n, total / n, largest)

    return add


add = running_stats()
for x in [4.0, 8.0, 1.5, 10.0, 3.5]:
    print(add(x))


def nested_nonlocal():
    level = 0

    def one():
        nonlocal level
        level += 1

        def two():
            nonlocal level
            level += 10
            return level

        return two()

    return one() + one(), level


print(nested_nonlocal())
