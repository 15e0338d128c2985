# Stateful generators: Fibonacci numbers, primes by an incremental sieve, running averages.


def fibonacci():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def primes():
    composites: dict[int, list[int]] = {}
    n = 2
    while True:
        if n not in composites:
            yield n
            composites[n * n] = [n]
        else:
            for p in composites[n]:
                composites.setdefault(n + p, []).append(p)
            del composites[n]
        n += 1


def running_average(xs):
    total = 0.0
    count = 0
    for x in xs:
        total += x
        count += 1
        yield total / count


def take(n, gen):
    out = []
    for x in gen:
        if len(out) == n:
            break
        out.append(x)
    return out


print(take(20, fibonacci()))
fib_sum = 0
for f in fibonacci():
    if f > 4000000:
        break
    if f % 2 == 0:
        fib_sum += f
print("even fib sum below 4e6:", fib_sum)
print(take(25, primes()))
count = 0
last = 0
for p in primes():
    if p > 10000:
        break
    count += 1
    last = p
print("primes below 10000:", count, "largest", last)
twins = []
prev = 2
for p in primes():
    if p - prev == 2:
        twins.append((prev, p))
    prev = p
    if len(twins) == 8:
        break
print(twins)
print([round(a, 3) for a in running_average([2.0, 4.0, 9.0, 1.0, 7.5])])
print(take(6, running_average(float(f) for f in fibonacci())))
