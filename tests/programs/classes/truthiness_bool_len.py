# __bool__ and __len__ drive truthiness in if/while/not/and/or and bool().


class Queue:
    def __init__(self):
        self.items = []

    def push(self, x):
        self.items.append(x)

    def pop(self):
        return self.items.pop(0)

    def __len__(self):
        return len(self.items)


class Switch:
    def __init__(self, on):
        self.on = on
        self.flips = 0

    def flip(self):
        self.on = not self.on
        self.flips += 1

    def __bool__(self):
        return self.on


class Budget:
    # __bool__ takes precedence over __len__
    def __init__(self, amount):
        self.amount = amount

    def __len__(self):
        return 100

    def __bool__(self):
        return self.amount > 0


q = Queue()
print(len(q), bool(q), not q)
if not q:
    print("queue empty")
for i in range(5):
    q.push(i * i)
print(len(q), bool(q))
while q:
    x = q.pop()
    print("got", x, "left", len(q))
print("empty again:", not q)

s = Switch(False)
print(bool(s), "on" if s else "off")
s.flip()
print(bool(s), "on" if s else "off")
n = 0
while s:
    n += 1
    if n == 3:
        s.flip()
print("loop ran", n, "flips", s.flips)
print(bool(Switch(True)) and bool(Switch(False)), bool(Switch(True)) or bool(Switch(False)))
switches = [Switch(i % 3 == 0) for i in range(7)]
print(sum(1 for sw in switches if sw), any(switches), all(switches))
print([i for i, sw in enumerate(switches) if not sw])

b = Budget(0)
print(bool(b), len(b))
b.amount = 5
print(bool(b), len(b))
if b and len(b) > 50:
    print("budget ok")
b.amount = -1
print("budget", "yes" if b else "no")
