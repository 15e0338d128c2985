# Three-level inheritance: super().__init__(...) chains and super().method() calls.


class Vehicle:
    def __init__(self, name, wheels):
        self.name = name
        self.wheels = wheels
        self.log = ["Vehicle.__init__"]

    def describe(self):
        return f"{self.name} with {self.wheels} wheels"

    def honk(self):
        return "beep"

    def service_cost(self):
        return 100 * self.wheels


class Car(Vehicle):
    def __init__(self, name, seats):
        super().__init__(name, 4)
        self.seats = seats
        self.log.append("Car.__init__")

    def describe(self):
        return super().describe() + f", {self.seats} seats"

    def service_cost(self):
        return super().service_cost() + 50


class SportsCar(Car):
    def __init__(self, name, top_speed):
        super().__init__(name, 2)
        self.top_speed = top_speed
        self.log.append("SportsCar.__init__")

    def describe(self):
        return super().describe() + f", top speed {self.top_speed} km/h"

    def honk(self):
        return super().honk().upper() + "!!"

    def service_cost(self):
        return super().service_cost() * 3


class Truck(Vehicle):
    def __init__(self, name, load):
        super().__init__(name, 6)
        self.load = load
        self.log.append("Truck.__init__")

    def service_cost(self):
        base = super().service_cost()
        return base + self.load // 10


v = Vehicle("cart", 2)
c = Car("sedan", 5)
s = SportsCar("roadster", 280)
t = Truck("hauler", 1200)

for x in [v, c, s, t]:
    print(x.describe())
    print("  honk:", x.honk(), " cost:", x.service_cost())
    print("  log:", x.log)

print(s.seats, s.wheels, s.top_speed, s.name)
print(t.load, t.wheels)
s.seats = 1
print(s.describe())
total = 0
for x in [v, c, s, t, c, s]:
    total += x.service_cost()
print("total service:", total)
