# An observer system: a Subject holding closures as subscribers, each keeping its own captured state.


class Subject:
    def __init__(self, name):
        self.name = name
        self.observers = []
        self.version = 0

    def subscribe(self, callback):
        self.observers.append(callback)
        return len(self.observers) - 1

    def publish(self, price):
        self.version += 1
        messages = []
        for cb in self.observers:
            msg = cb(self.name, price)
            if msg != "":
                messages.append(msg)
        return messages


def make_threshold(limit):
    fired = [0]

    def on_price(name, price):
        if price > limit:
            fired[0] += 1
            return f"{name} above {limit} (x{fired[0]})"
        return ""
    return on_price


def make_change_tracker():
    last = -1

    def on_price(name, price):
        nonlocal last
        if last < 0:
            last = price
            return f"{name} first {price}"
        delta = price - last
        last = price
        if delta == 0:
            return ""
        sign = "+" if delta > 0 else ""
        return f"{name} {sign}{delta}"
    return on_price


def make_average():
    prices = []

    def on_price(name, price):
        prices.append(price)
        if len(prices) % 3 == 0:
            return f"{name} avg3 {sum(prices[-3:]) / 3:.2f}"
        return ""
    return on_price


history = []


def recorder(name, price):
    history.append((name, price))
    return ""


acme = Subject("ACME")
acme.subscribe(make_threshold(105))
acme.subscribe(make_change_tracker())
acme.subscribe(make_average())
acme.subscribe(recorder)
globex = Subject("GLBX")
globex.subscribe(recorder)
globex.subscribe(make_threshold(50))
globex.subscribe(make_change_tracker())

for a, g in [(100, 40), (104, 40), (107, 55), (107, 60), (103, 45), (110, 51)]:
    print(acme.publish(a))
    print(globex.publish(g))
print(acme.version, globex.version, len(history))
print(history[:4])
print(len(acme.observers), len(globex.observers))
