# Ends with an uncaught KeyError from a dict lookup inside a method.


class Inventory:
    def __init__(self):
        self.stock = {"apple": 3, "pear": 0}

    def take(self, item):
        n = self.stock[item]
        if n == 0:
            raise ValueError(item + " is out of stock")
        self.stock[item] = n - 1
        return n - 1


inv = Inventory()
print(inv.take("apple"), inv.take("apple"))
try:
    inv.take("pear")
except ValueError as e:
    print("caught:", e)
print(inv.take("banana"))
