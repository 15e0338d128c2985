# The inventory: uses both sibling submodules and the package's mutable state.
from . import pricing
from . import OPENED
from .items import Item, Perishable

print("store.inventory: loading")
SALES = []


class Inventory:
    def __init__(self):
        self.items = {}
        self.revenue = 0
        OPENED[0] += 1

    def add(self, item):
        self.items[item.name] = item

    def listing(self):
        return [self.items[n].label() for n in sorted(self.items)]

    def sell(self, name, qty):
        if name not in self.items:
            return "unknown item"
        item = self.items[name]
        if item.expired():
            return "expired"
        if item.stock < qty:
            return f"only {item.stock} left"
        item.stock -= qty
        amount = pricing.total(item.unit_price(), qty)
        self.revenue += amount
        SALES.append((name, qty, amount))
        return pricing.format_price(amount)

    def age_all(self, days):
        for n in self.items:
            it = self.items[n]
            if isinstance(it, Perishable):
                it.age(days)

    def count_plain(self):
        return len([n for n in self.items if not isinstance(self.items[n], Perishable) and isinstance(self.items[n], Item)])

    def remove_expired(self):
        gone = [n for n in sorted(self.items) if self.items[n].expired()]
        for n in gone:
            del self.items[n]
        return gone
