# Fields are created in __init__ and in other methods; each keeps one type.


class Counter:
    def __init__(self, name):
        self.name = name
        self.value = 0
        self.reset_history()

    def reset_history(self):
        # a field first assigned outside __init__ (but called from it)
        self.history = []
        self.resets = 0

    def bump(self, by):
        self.value += by
        self.history.append(self.value)

    def reset(self):
        self.resets += 1
        self.value = 0
        self.history.clear()


class Stats:
    def __init__(self, data):
        self.data = data
        self.count = len(data)
        self.mean = 0.0
        self.minimum = 0
        self.maximum = 0
        self.ready = False

    def compute(self):
        total = 0
        self.minimum = self.data[0]
        self.maximum = self.data[0]
        for x in self.data:
            total += x
            if x < self.minimum:
                self.minimum = x
            if x > self.maximum:
                self.maximum = x
        self.mean = total / self.count
        self.spread = self.maximum - self.minimum
        self.ready = True

    def describe(self):
        if not self.ready:
            return "not computed"
        return f"n={self.count} mean={self.mean:.3f} min={self.minimum} max={self.maximum} spread={self.spread}"


c = Counter("clicks")
print(c.name, c.value, c.history, c.resets)
for i in range(1, 6):
    c.bump(i)
print(c.name, c.value, c.history)
c.reset()
print(c.value, c.history, c.resets)
c.bump(10)
c.bump(-3)
print(c.value, c.history, len(c.history))
c.reset()
c.reset()
print("resets:", c.resets)

s = Stats([4, 8, 15, 16, 23, 42])
print(s.describe())
s.compute()
print(s.describe())
print(s.ready, s.spread, s.mean)

s2 = Stats([-5, 0, 5])
s2.compute()
print(s2.describe())
s2.data.append(100)
s2.count = len(s2.data)
s2.compute()
print(s2.describe())

# fields can be reassigned from outside too
c2 = Counter("other")
c2.value = 41
c2.bump(1)
c2.name = c2.name.upper()
print(c2.name, c2.value, c2.history)

# two instances do not share list fields
a = Counter("a")
b = Counter("b")
a.bump(1)
a.bump(2)
b.bump(100)
print(a.history, b.history)
