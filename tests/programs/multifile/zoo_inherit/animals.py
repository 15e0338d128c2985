# Base classes: Animal and a Keeper that feeds any Animal; a module-level creation counter.
created = 0


def total_created():
    return created


class Animal:
    def __init__(self, name, legs):
        global created
        created += 1
        self.name = name
        self.legs = legs
        self.hunger = 5

    def sound(self):
        return "..."

    def kind(self):
        return "animal"

    def eat(self, amount):
        self.hunger = max(0, self.hunger - amount)
        return self.hunger

    def describe(self):
        return f"{self.name} the {self.kind()} ({self.legs} legs, hunger {self.hunger})"


class Keeper:
    def __init__(self, name):
        self.name = name
        self.log = []

    def feed(self, animal, amount):
        left = animal.eat(amount)
        self.log.append(f"{animal.name}:{left}")

    def report(self):
        return f"{self.name} fed " + ", ".join(self.log)
