# After isinstance(x, Sub), reading and updating a field that only the subclass has.


class Item:
    def __init__(self, name, price):
        self.name = name
        self.price = price


class Perishable(Item):
    def __init__(self, name, price, days_left):
        super().__init__(name, price)
        self.days_left = days_left


stock = [Item("pen", 150), Perishable("milk", 99, 3), Item("cup", 500), Perishable("bread", 250, 1)]
for it in stock:
    if isinstance(it, Perishable):
        it.days_left -= 1
        print(it.name, "days left:", it.days_left)
    else:
        print(it.name, "keeps")
print([it.name for it in stock if isinstance(it, Perishable) and it.days_left == 0])
