# Read-only @property getters computed from fields.
import math


class Circle:
    def __init__(self, radius):
        self.radius = radius

    @property
    def diameter(self):
        return self.radius * 2

    @property
    def area(self):
        return math.pi * self.radius * self.radius

    @property
    def circumference(self):
        return 2 * math.pi * self.radius


class Person:
    def __init__(self, first, last, birth_year):
        self.first = first
        self.last = last
        self.birth_year = birth_year

    @property
    def full_name(self):
        return self.first + " " + self.last

    @property
    def initials(self):
        return self.first[0] + "." + self.last[0] + "."

    def age_in(self, year):
        return year - self.birth_year

    @property
    def is_millennial(self):
        return 1981 <= self.birth_year <= 1996


class Cart:
    def __init__(self):
        self.prices = []
        self.quantities = []

    def add(self, price, qty):
        self.prices.append(price)
        self.quantities.append(qty)

    @property
    def total(self):
        t = 0
        for i in range(len(self.prices)):
            t += self.prices[i] * self.quantities[i]
        return t

    @property
    def item_count(self):
        return sum(self.quantities)

    @property
    def empty(self):
        return len(self.prices) == 0


for r in [1.0, 2.5, 10.0]:
    c = Circle(r)
    print(f"r={c.radius} d={c.diameter} area={c.area:.4f} circ={c.circumference:.4f}")
c = Circle(3.0)
c.radius = 4.0
print(c.diameter, round(c.area, 6))

people = [Person("Ada", "Lovelace", 1815), Person("Grace", "Hopper", 1906), Person("Sam", "Altman", 1985)]
for p in people:
    print(p.full_name, p.initials, p.age_in(2000), p.is_millennial)
p = people[1]
p.last = "Murray"
print(p.full_name, p.initials)
print(sorted([q.full_name for q in people]))
print(max(people, key=lambda q: q.birth_year).full_name)

cart = Cart()
print(cart.empty, cart.total, cart.item_count)
cart.add(250, 2)
cart.add(99, 5)
cart.add(1000, 1)
print(cart.empty, cart.total, cart.item_count)
print(f"average per item: {cart.total / cart.item_count:.2f}")
