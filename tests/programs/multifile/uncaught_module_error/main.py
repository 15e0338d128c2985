# An exception class of a package module: caught by its base, printed with repr(),
# and finally uncaught (CPython names it with its module in the report's last line).
import inventory
from shop.errors import OutOfStock

inv = inventory.Inventory()
inv.add("apple", 5)
inv.add("pear", 0)
for name, n in [("apple", 2), ("pear", 1), ("apple", 9)]:
    try:
        print(name, "left:", inv.take(name, n))
    except OutOfStock as e:
        print("refused:", type(e).__name__, e, e.item)
print(inv.take("apple", 3))
print(inv.take("apple", 1))
