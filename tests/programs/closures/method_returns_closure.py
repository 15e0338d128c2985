# Methods that return closures over self: the closure sees later changes to the instance's fields.


class Thermostat:
    def __init__(self, name, target):
        self.name = name
        self.target = target
        self.readings = []

    def make_checker(self, tolerance):
        def check(temp):
            self.readings.append(temp)
            diff = temp - self.target
            if diff > tolerance:
                return "cool"
            if diff < -tolerance:
                return "heat"
            return "ok"
        return check

    def make_reporter(self):
        return lambda: f"{self.name}: target={self.target} readings={len(self.readings)}"

    def make_adjuster(self, step):
        def adjust(direction):
            if direction == "up":
                self.target += step
            else:
                self.target -= step
            return self.target
        return adjust


t = Thermostat("hall", 20)
check = t.make_checker(2)
report = t.make_reporter()
adjust = t.make_adjuster(3)
for temp in [18, 21, 23, 17, 25]:
    print(temp, "->", check(temp))
print(report())
print("adjust up:", adjust("up"), "then", adjust("up"))
for temp in [18, 21, 23, 27]:
    print(temp, "->", check(temp))
print(report())
print("adjust down:", adjust("down"))
print(t.target, t.readings)

kitchen = Thermostat("kitchen", 22)
checks = [kitchen.make_checker(1), kitchen.make_checker(4), t.make_checker(0)]
for temp in [19, 22, 25]:
    print(temp, [c(temp) for c in checks])
print(kitchen.make_reporter()(), "|", report())
print(len(kitchen.readings), len(t.readings))


class Counter:
    def __init__(self):
        self.total = 0

    def incrementer(self, by):
        def inc():
            self.total += by
            return self.total
        return inc


c = Counter()
by_one = c.incrementer(1)
by_ten = c.incrementer(10)
print(by_one(), by_ten(), by_one(), by_ten(), c.total)
