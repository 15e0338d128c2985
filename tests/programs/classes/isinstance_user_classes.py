# isinstance() against user classes, including base classes and tuples of classes.


class Animal:
    def __init__(self, name):
        self.name = name

    def sound(self):
        return "..."


class Dog(Animal):
    def sound(self):
        return "woof"

    def fetch(self):
        return self.name + " fetches"


class Puppy(Dog):
    def sound(self):
        return "yip"


class Cat(Animal):
    def sound(self):
        return "meow"


class Fish(Animal):
    pass


zoo: list[Animal] = [Dog("rex"), Cat("tom"), Puppy("bit"), Fish("nemo"), Animal("thing"), Cat("kit")]

for a in zoo:
    kinds = []
    if isinstance(a, Animal):
        kinds.append("Animal")
    if isinstance(a, Dog):
        kinds.append("Dog")
    if isinstance(a, Puppy):
        kinds.append("Puppy")
    if isinstance(a, Cat):
        kinds.append("Cat")
    if isinstance(a, Fish):
        kinds.append("Fish")
    print(f"{a.name:5} {a.sound():5} {kinds}")

dogs = [a for a in zoo if isinstance(a, Dog)]
print("dogs:", [d.name for d in dogs])
pets = [a.name for a in zoo if isinstance(a, (Dog, Cat))]
print("pets:", pets)
not_dogs = [a.name for a in zoo if not isinstance(a, Dog)]
print("not dogs:", not_dogs)

for a in zoo:
    if isinstance(a, Dog):
        print(a.fetch())

print(isinstance(zoo[2], Dog), isinstance(zoo[0], Puppy), isinstance(zoo[3], (Cat, Dog)))
print(type(zoo[1]).__name__, type(zoo[2]).__name__)
print(sum(1 for a in zoo if isinstance(a, Cat)), sum(1 for a in zoo if type(a) is Animal))

d = Dog("spot")
print(isinstance(d, Animal), isinstance(d, Cat), isinstance(3, int), isinstance("x", str))
