# Shipping: imports the logger with `from ... import` and orders as a module.
from logger import log, warn
import orders

print("shipping: top level")
SHIPPED = []


def ship(order):
    if order.shipped:
        warn("shipping", f"{order.number} already shipped")
        return False
    if len(order.items) == 0:
        warn("shipping", f"{order.number} is empty")
        return False
    order.shipped = True
    SHIPPED.append(order.number)
    log("shipping", f"shipped {order.number}")
    return True


if __name__ == "__main__":
    print("shipping self-test", ship(orders.Order("x", ["y"])))
