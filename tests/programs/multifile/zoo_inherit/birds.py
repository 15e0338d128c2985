# Bird subclasses of animals.Animal, defined in their own module.
from animals import Animal

SPECIES = ["parrot", "penguin"]


class Parrot(Animal):
    def __init__(self, name, words):
        super().__init__(name, 2)
        self.words = words
        self.said = 0

    def sound(self):
        w = self.words[self.said % len(self.words)]
        self.said += 1
        return w

    def kind(self):
        return "parrot"


class Penguin(Animal):
    def __init__(self, name):
        super().__init__(name, 2)

    def sound(self):
        return "honk"

    def kind(self):
        return "penguin"

    def eat(self, amount):
        return Animal.eat(self, amount * 2)
