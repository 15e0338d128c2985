# Multi-file program: a package with submodules using `from . import`, `import pkg.sub as s`, `from pkg.sub import`.
import store
import store.pricing as pricing
from store.items import Item, Perishable
from store import inventory
from store.pricing import discount_for, format_price

print("main: store", store.NAME, "currency", store.CURRENCY)


def main():
    inv = inventory.Inventory()
    inv.add(Item("pen", 150, 10))
    inv.add(Item("notebook", 420, 3))
    inv.add(Perishable("milk", 99, 6, 2))
    inv.add(Perishable("cheese", 650, 2, 10))
    for line in inv.listing():
        print(line)
    for qty in [1, 5, 10, 25]:
        print(qty, discount_for(qty), format_price(pricing.total(1000, qty)))
    for name, qty in [("pen", 4), ("milk", 5), ("cheese", 3), ("stapler", 1), ("milk", 1)]:
        print(name, qty, "->", inv.sell(name, qty))
    print("revenue:", format_price(inv.revenue))
    inv.age_all(3)
    for line in inv.listing():
        print(line)
    print("expired:", inv.remove_expired(), "left:", sorted(inv.items))
    print("sales log:", inventory.SALES)
    print(store.describe(), pricing.TAX_PERCENT, inv.count_plain())


if __name__ == "__main__":
    main()
