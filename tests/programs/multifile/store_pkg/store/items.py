# Item classes; Perishable subclasses Item and overrides pricing and display.
print("store.items: loading as", __name__)


class Item:
    def __init__(self, name, price, stock):
        self.name = name
        self.price = price
        self.stock = stock

    def unit_price(self):
        return self.price

    def expired(self):
        return False

    def label(self):
        return f"{self.name}: {self.stock} @ {self.unit_price()}"


class Perishable(Item):
    def __init__(self, name, price, stock, days_left):
        super().__init__(name, price, stock)
        self.days_left = days_left

    def unit_price(self):
        if self.days_left <= 1:
            return self.price // 2
        return self.price

    def expired(self):
        return self.days_left <= 0

    def age(self, days):
        self.days_left -= days

    def label(self):
        return super().label() + f" ({self.days_left} days)"
