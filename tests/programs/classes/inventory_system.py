# An object graph: warehouses, products and orders; orders reserve stock across warehouses.


class Product:
    def __init__(self, sku, name, price):
        self.sku = sku
        self.name = name
        self.price = price

    def __repr__(self):
        return f"{self.sku}:{self.name}"


class Warehouse:
    def __init__(self, city):
        self.city = city
        self.stock = {}

    def receive(self, product, qty):
        self.stock[product.sku] = self.stock.get(product.sku, 0) + qty

    def available(self, sku):
        return self.stock.get(sku, 0)

    def take(self, sku, qty):
        have = self.available(sku)
        n = min(have, qty)
        self.stock[sku] = have - n
        return n


class OrderLine:
    def __init__(self, product, qty):
        self.product = product
        self.qty = qty
        self.filled = 0
        self.sources = []

    def missing(self):
        return self.qty - self.filled


class Order:
    counter = 0

    def __init__(self, customer):
        Order.counter += 1
        self.id = Order.counter
        self.customer = customer
        self.lines = []
        self.status = "open"

    def add(self, product, qty):
        self.lines.append(OrderLine(product, qty))
        return self

    def total(self):
        return sum(line.filled * line.product.price for line in self.lines)


class Inventory:
    def __init__(self):
        self.products = {}
        self.warehouses = []

    def add_product(self, sku, name, price):
        p = Product(sku, name, price)
        self.products[sku] = p
        return p

    def fulfil(self, order):
        for line in order.lines:
            for wh in self.warehouses:
                if line.missing() == 0:
                    break
                got = wh.take(line.product.sku, line.missing())
                if got > 0:
                    line.filled += got
                    line.sources.append(wh.city)
        if all(line.missing() == 0 for line in order.lines):
            order.status = "complete"
        elif any(line.filled > 0 for line in order.lines):
            order.status = "partial"
        else:
            order.status = "backordered"

    def report(self):
        for sku in sorted(self.products):
            counts = [wh.available(sku) for wh in self.warehouses]
            print(f"  {sku} {self.products[sku].name:<8} {counts} total={sum(counts)}")


inv = Inventory()
widget = inv.add_product("W1", "widget", 250)
gadget = inv.add_product("G7", "gadget", 1999)
doohick = inv.add_product("D3", "doohick", 75)
inv.warehouses.append(Warehouse("Oslo"))
inv.warehouses.append(Warehouse("Lyon"))
inv.warehouses[0].receive(widget, 10)
inv.warehouses[1].receive(widget, 5)
inv.warehouses[1].receive(gadget, 2)
inv.warehouses[0].receive(doohick, 100)
print("start")
inv.report()

orders = [
    Order("ann").add(widget, 12).add(doohick, 30),
    Order("ben").add(gadget, 3),
    Order("cat").add(widget, 5).add(gadget, 1),
    Order("dan").add(doohick, 70),
    Order("eve").add(doohick, 1).add(widget, 1),
]
for o in orders:
    inv.fulfil(o)
    detail = [(l.product, l.filled, l.qty, l.sources) for l in o.lines]
    print(f"order {o.id} {o.customer}: {o.status} total={o.total()} {detail}")
print("end")
inv.report()
print("orders created:", Order.counter)
by_status: dict[str, list[int]] = {}
for o in orders:
    by_status.setdefault(o.status, []).append(o.id)
print(by_status)
