# Multi-file program: a logger module imported by two modules and by main runs its top level once; shared state.
import logger
import orders
import shipping as ship
from logger import log, entries_for
from orders import Order

print("main: modules loaded, logger loads =", logger.LOADS)


def main():
    o1 = orders.place("ann", ["tea", "mug"])
    o2 = orders.place("bob", ["book"])
    o3 = Order("cy", ["gift"])
    o3.items.clear()
    log("main", "emptied order " + str(o3.number))
    print(o1, o2, o3)
    print(ship.ship(o1), ship.ship(o2), ship.ship(o3))
    print(ship.ship(o1))
    log("main", "done shipping")
    for line in logger.dump():
        print(line)
    print(entries_for("orders"), entries_for("shipping"), entries_for("nobody"))
    print("level counts:", logger.counts())
    logger.set_level(2)
    log("main", "hidden")
    logger.warn("main", "shown")
    print(len(logger.ENTRIES), logger.LEVEL, orders.next_number(), ship.SHIPPED)


if __name__ == "__main__":
    main()
