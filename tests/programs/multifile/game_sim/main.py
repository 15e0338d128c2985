# A small simulation split across modules: config, entities, and a package with rendering rules.
import random

import config
from entities import Hero, Monster, Entity
from pkg.sub import render, distance
from pkg import sub


def main():
    random.seed(config.SEED)
    hero = Hero("hero", 0, 0)
    monsters = [Monster("orc", 5, 3, 3), Monster("bat", 9, 1, 1), Monster("troll", 3, 5, 5)]
    everyone: list[Entity] = [hero]
    for m in monsters:
        everyone.append(m)
    for line in render(everyone):
        print(line)
    for turn in range(1, config.TURNS + 1):
        hero.move(random.choice([-1, 0, 1]), random.choice([-1, 0, 1]))
        for m in monsters:
            if m.hp <= 0:
                continue
            m.move(random.randint(-1, 1), random.randint(-1, 1))
            d = distance(hero, m)
            if d <= 2:
                hero.hp -= m.power
                m.hp -= 4
                print(f"turn {turn}: {m.name} fights hero at distance {d}; hero hp {hero.hp}, {m.name} hp {m.hp}")
    for line in sub.render(everyone):
        print(line)
    print("survivors:", [e.name for e in everyone if e.hp > 0])


if __name__ == "__main__":
    main()
