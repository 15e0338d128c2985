# Composition: objects that own other objects and delegate to them.


class Engine:
    def __init__(self, hp):
        self.hp = hp
        self.running = False
        self.hours = 0.0

    def start(self):
        if self.running:
            return "already running"
        self.running = True
        return "vroom"

    def stop(self):
        self.running = False

    def run(self, h):
        if self.running:
            self.hours += h


class Tank:
    def __init__(self, capacity):
        self.capacity = capacity
        self.level = 0.0

    def fill(self, litres):
        space = self.capacity - self.level
        added = min(space, litres)
        self.level += added
        return added

    def draw(self, litres):
        if litres > self.level:
            got = self.level
            self.level = 0.0
            return got
        self.level -= litres
        return litres


class Car:
    def __init__(self, name, hp, capacity, consumption):
        self.name = name
        self.engine = Engine(hp)
        self.tank = Tank(capacity)
        self.consumption = consumption
        self.odometer = 0.0

    def drive(self, km):
        needed = km * self.consumption / 100.0
        got = self.tank.draw(needed)
        driven = got / self.consumption * 100.0
        self.odometer += driven
        self.engine.run(driven / 60.0)
        if got < needed:
            self.engine.stop()
        return driven

    def status(self):
        state = "on" if self.engine.running else "off"
        return f"{self.name}: engine {state}, fuel {self.tank.level:.2f}/{self.tank.capacity}, odo {self.odometer:.1f} km, hours {self.engine.hours:.3f}"


class Garage:
    def __init__(self):
        self.cars = []

    def park(self, car):
        self.cars.append(car)

    def total_km(self):
        return sum(c.odometer for c in self.cars)

    def find(self, name):
        for c in self.cars:
            if c.name == name:
                return c
        return None


g = Garage()
g.park(Car("mini", 70, 40.0, 5.5))
g.park(Car("van", 120, 80.0, 9.0))
for c in g.cars:
    print(c.status())
print(g.cars[0].tank.fill(25.0), g.cars[0].tank.fill(25.0))
print(g.cars[1].tank.fill(100.0))
for c in g.cars:
    print(c.engine.start(), c.engine.start())
trips = [120.0, 300.0, 450.0]
for km in trips:
    for c in g.cars:
        d = c.drive(km)
        print(f"{c.name} asked {km} drove {d:.1f}")
        print("  " + c.status())
print(f"garage total {g.total_km():.1f}")
v = g.find("van")
if v is not None:
    v.tank.fill(10.0)
    v.engine.start()
    v.drive(50.0)
    print(v.status())
print(g.find("truck") is None)
