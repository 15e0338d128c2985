# "Did you mean" prefers the frame's local names (parameters and locals, bound or not) to the
# module's globals: `countr` is a global assigned only later, `count` a local.
def total(values):
    count = 0
    for v in values:
        count += v
    return count + countr


print(total([1, 2, 3]) if False else "start")
print(total([4, 5]))
countr = 1
