# An event bus storing callbacks (closures and functions) per event name and firing them in order.


class EventBus:
    def __init__(self):
        self.handlers = {}
        self.fired = 0

    def on(self, event, callback):
        if event not in self.handlers:
            self.handlers[event] = []
        self.handlers[event].append(callback)

    def emit(self, event, payload):
        self.fired += 1
        results = []
        if event in self.handlers:
            for cb in self.handlers[event]:
                results.append(cb(payload))
        return results


log = []


def make_logger(tag):
    def handler(payload):
        log.append(f"{tag}:{payload}")
        return len(log)
    return handler


def make_threshold_alert(limit):
    alerts = []

    def check(payload):
        if len(payload) > limit:
            alerts.append(payload)
        return len(alerts)

    def get_alerts():
        return alerts

    return check, get_alerts


bus = EventBus()
bus.on("login", make_logger("audit"))
bus.on("login", make_logger("metrics"))
check, get_alerts = make_threshold_alert(5)
bus.on("message", check)
bus.on("message", make_logger("msg"))
bus.on("message", lambda p: p.count("a"))

print(bus.emit("login", "ann"))
print(bus.emit("message", "hi"))
print(bus.emit("message", "a rather long message"))
print(bus.emit("logout", "ann"))
print(bus.emit("message", "banana bread"))
print(bus.emit("login", "bob"))
print("log:", log)
print("alerts:", get_alerts(), "fired:", bus.fired)
counts = {}


def count_event(name):
    def cb(payload):
        counts[name] = counts.get(name, 0) + 1
        return counts[name]
    return cb


for ev in ["a", "b"]:
    bus.on(ev, count_event(ev))
for ev in "abbabbb":
    bus.emit(ev, "x")
print(counts, bus.fired, sorted(bus.handlers))
