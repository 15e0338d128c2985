# Orders: uses the shared logger; module-level counter changed with `global`.
import logger

print("orders: top level, logger entries so far:", len(logger.ENTRIES))
_counter = 100


def next_number():
    global _counter
    _counter += 1
    return _counter


class Order:
    def __init__(self, customer, items):
        self.number = next_number()
        self.customer = customer
        self.items = items
        self.shipped = False

    def __repr__(self):
        return f"Order#{self.number}({self.customer}, {len(self.items)} items)"


def place(customer, items):
    o = Order(customer, items)
    logger.log("orders", f"placed {o.number} for {customer}")
    if len(items) > 1:
        logger.warn("orders", f"{o.number} has {len(items)} items")
    return o
