# kiln: build
# A module-level list mutated from functions (no global statement needed to mutate).
history = []
squares = [0] * 10


def record(x):
    history.append(x)


def fill():
    for i in range(len(squares)):
        squares[i] = i * i


for i in range(6):
    record(i * 3)
fill()
print(history, len(history))
print(squares)
squares[-1] = -1
print(squares[9], squares)


def total():
    s = 0
    for v in history:
        s += v
    return s


print("total", total())
