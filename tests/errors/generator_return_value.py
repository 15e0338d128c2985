# A generator's `return value` would become StopIteration.value, which kiln does not model.
# expect: does not support `return` with a value in a generator
# at: 9
def count_up(n):
    for i in range(n):
        if i > 100:
            break
        yield i
    return n


print(list(count_up(3)))
