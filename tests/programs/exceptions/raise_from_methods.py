# Methods validate their inputs and raise ValueError / IndexError / KeyError with messages.


class Stack:
    def __init__(self, capacity):
        if capacity <= 0:
            raise ValueError(f"capacity must be positive, got {capacity}")
        self.capacity = capacity
        self.items = []

    def push(self, x):
        if len(self.items) >= self.capacity:
            raise IndexError("push onto full stack")
        self.items.append(x)

    def pop(self):
        if not self.items:
            raise IndexError("pop from empty stack")
        return self.items.pop()


class Registry:
    def __init__(self):
        self.entries = {}

    def register(self, name, value):
        if not name.isidentifier():
            raise ValueError(f"invalid name {name!r}")
        if name in self.entries:
            raise KeyError(f"duplicate {name}")
        self.entries[name] = value

    def get(self, name):
        if name not in self.entries:
            raise KeyError(name)
        return self.entries[name]


try:
    Stack(0)
except ValueError as e:
    print("ctor:", e)
s = Stack(3)
for i in range(5):
    try:
        s.push(i * 11)
        print("pushed", i * 11)
    except IndexError as e:
        print("push", i, "failed:", e)
for i in range(5):
    try:
        print("popped", s.pop())
    except IndexError as e:
        print("pop", i, "failed:", e)

r = Registry()
for name, v in [("alpha", 1), ("beta", 2), ("2fast", 3), ("alpha", 4), ("with space", 5), ("gamma_3", 6)]:
    try:
        r.register(name, v)
        print("registered", name)
    except ValueError as e:
        print("rejected:", e)
    except KeyError as e:
        print("conflict:", e)
for name in ["beta", "delta", "gamma_3"]:
    try:
        print(name, "=", r.get(name))
    except KeyError as e:
        print("no entry", e)
print(sorted(r.entries.items()))
