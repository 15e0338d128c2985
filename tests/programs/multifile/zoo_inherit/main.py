# Multi-file program: a base class in one module, subclasses in others, used and subclassed again in main.
import animals
import birds as b
from animals import Animal, Keeper
from birds import Parrot, Penguin
from fish import Shark


class RoboParrot(Parrot):
    def __init__(self, name, words, battery):
        super().__init__(name, words)
        self.battery = battery

    def sound(self):
        if self.battery <= 0:
            return "..."
        self.battery -= 1
        return "beep " + super().sound()

    def kind(self):
        return "robo-" + Parrot.kind(self)


def main():
    zoo = [Animal("generic", 3), Parrot("polly", ["hello", "cracker"]), Penguin("pingu"), Shark("bruce", 4),
           RoboParrot("r2", ["zap"], 2)]
    keeper = Keeper("sam")
    for a in zoo:
        print(a.describe())
    for _ in range(3):
        print([a.sound() for a in zoo])
    for a in zoo:
        keeper.feed(a, 2)
    print(keeper.report())
    print([a.legs for a in zoo], animals.total_created(), b.SPECIES)
    print([isinstance(a, Parrot) for a in zoo], [isinstance(a, animals.Animal) for a in zoo])
    print(sorted(zoo, key=lambda a: a.hunger)[0].name, max(zoo, key=lambda a: a.legs).name)
    print([type(a).__name__ for a in zoo])


if __name__ == "__main__":
    main()
