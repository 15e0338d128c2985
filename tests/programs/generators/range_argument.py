# range(...) passed to user functions and generators (docs: it becomes the list of its values).


def squares(xs):
    for x in xs:
        yield x * x


def total(xs):
    s = 0
    for x in xs:
        s += x
    return s


print(list(squares(range(5))))
print(total(range(1, 11)), total(range(10, 0, -3)))
print(sum(squares(range(4))), max(squares(range(-3, 2))))
