# Class attributes: shared counters, constants read through the class and through self.


class Ticket:
    issued = 0
    prefix = "TK"
    price = 12.5

    def __init__(self, holder):
        Ticket.issued += 1
        self.number = Ticket.issued
        self.holder = holder

    def code(self):
        return f"{self.prefix}-{self.number:04d}"

    def cost(self, n):
        return self.price * n


class Config:
    MAX_ITEMS = 3
    SCALE = 10
    NAMES = ["alpha", "beta", "gamma"]

    def __init__(self):
        self.items = []

    def add(self, x):
        if len(self.items) >= Config.MAX_ITEMS:
            return False
        self.items.append(x * self.SCALE)
        return True

    def label(self, i):
        return self.NAMES[i % len(Config.NAMES)]


print("issued before:", Ticket.issued)
t1 = Ticket("ann")
t2 = Ticket("bob")
t3 = Ticket("cy")
print(t1.code(), t1.holder)
print(t2.code(), t2.holder)
print(t3.code(), t3.holder)
print("issued after:", Ticket.issued, t1.issued, t3.issued)
print(t2.cost(3), Ticket.price)
Ticket.price = 15.0
print("new price via instance:", t1.price, t2.cost(2))
Ticket.prefix = "VIP"
print(t1.code(), t3.code())
for name in ["dee", "eve"]:
    t = Ticket(name)
    print(t.code(), t.holder, Ticket.issued)

c = Config()
for x in range(5):
    ok = c.add(x)
    print("add", x, ok, c.items)
print([c.label(i) for i in range(5)])
Config.MAX_ITEMS = 5
print(c.add(7), c.add(8), c.add(9), c.items)
Config.NAMES.append("delta")
print([c.label(i) for i in range(5)])
print(Config.SCALE * Config.MAX_ITEMS)

c2 = Config()
c2.add(1)
print(c2.items, len(Config.NAMES))
