# Entity classes; imports config with an alias.
import config as cfg

print("loading module", __name__)


class Entity:
    def __init__(self, name, x, y):
        self.name = name
        self.x = x
        self.y = y
        self.hp = 10

    def symbol(self):
        return "?"

    def move(self, dx, dy):
        self.x = (self.x + dx) % cfg.WIDTH
        self.y = (self.y + dy) % cfg.HEIGHT


class Hero(Entity):
    def symbol(self):
        return "@"


class Monster(Entity):
    def __init__(self, name, x, y, power):
        super().__init__(name, x, y)
        self.power = power

    def symbol(self):
        return self.name[0].upper()
