from shop.errors import OutOfStock, Discontinued


class Item:
    def __init__(self, name, count):
        self.name = name
        self.count = count


class Inventory:
    def __init__(self):
        self.items = {}

    def add(self, name, count):
        self.items[name] = Item(name, count)

    def take(self, name, n):
        item = self.items[name]
        if item.count == 0:
            raise Discontinued(name, n, 0)
        if item.count < n:
            raise OutOfStock(name, n, item.count)
        item.count -= n
        return item.count
