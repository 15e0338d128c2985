# Generators are not in this milestone.
# expect: does not support
# expect: yield
# at: 7
def count_up(n):
    for i in range(n):
        yield i


print("no generators yet")
