# A list of (name, function) tuples holding different functions and closures, called in a loop.


def double(x):
    return x * 2


def square(x):
    return x * x


def make_offset(k):
    return lambda x: x + k


ops = [("double", double), ("square", square), ("plus5", make_offset(5))]
for name, f in ops:
    print(name, [f(v) for v in [1, 2, 3]])

table = {}
for name, f in ops:
    table[name] = f(10)
print(table)

current = ("double", double)
print(current[0], current[1](21))
current = ("square", square)
print(current[0], current[1](12))
