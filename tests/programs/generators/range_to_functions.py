# range(...) passed to user functions, generators and lambdas: they receive its values.


def describe(xs):
    return f"{len(xs)} values, first {xs[0]}, last {xs[-1]}, total {sum(xs)}"


def evens(xs):
    for x in xs:
        if x % 2 == 0:
            yield x


def apply(f, xs):
    return [f(x) for x in xs]


print(describe(range(3, 30, 4)), describe(range(5, 0, -1)))
print(list(evens(range(11))), sum(evens(range(-6, 7))))
print(apply(lambda v: v * v, range(6)))
square_sum = lambda xs: sum(x * x for x in xs)
print(square_sum(range(4)))
print(max(evens(range(1, 20, 3))), sorted(evens(range(10, 0, -1))))
