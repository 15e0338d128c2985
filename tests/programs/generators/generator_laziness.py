# Generators and generator expressions are lazy: values are produced only when requested,
# so side effects interleave with the consumer and any()/all()/next() stop early.

trace = []


def noisy(n):
    for i in range(n):
        trace.append(f"produce {i}")
        yield i


def check(x):
    trace.append(f"check {x}")
    return x > 2


for x in noisy(3):
    trace.append(f"consume {x}")
print(trace)

trace.clear()
print(any(check(x) for x in noisy(10)))
print(trace)

trace.clear()
print(all(x < 2 for x in noisy(10)))
print(trace)

trace.clear()
g = noisy(100)
print(next(g), next(g))
print(trace)

trace.clear()
squares = (x * x for x in noisy(5))
trace.append("genexpr created")
print(next(squares))
trace.append("between")
print(list(squares))
print(trace)


def naturals():
    n = 0
    while True:
        yield n
        n += 1


evens = (n for n in naturals() if n % 2 == 0)
print([next(evens) for _ in range(5)])
big = (n * n for n in naturals())
for v in big:
    if v > 50:
        print("first square over 50:", v)
        break
