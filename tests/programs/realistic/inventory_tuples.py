# Inventory management: dict of sku -> (name, qty, price) tuples, restock/sell with KeyError-free checks, reports, pop/update/del
inventory = {
    "A100": ("widget", 40, 2.50),
    "B200": ("gadget", 5, 12.99),
    "C300": ("doohickey", 0, 7.25),
    "D400": ("gizmo", 17, 0.99),
}
log = []
def sell(sku, n):
    if sku not in inventory:
        log.append(f"unknown sku {sku}")
        return 0.0
    name, qty, price = inventory[sku]
    if qty < n:
        log.append("short %s: want %d have %d" % (name, n, qty))
        n = qty
    inventory[sku] = (name, qty - n, price)
    return n * price
def restock(sku, n):
    name, qty, price = inventory[sku]
    inventory[sku] = (name, qty + n, price)
revenue = 0.0
orders = [("A100", 10), ("B200", 7), ("Z999", 1), ("D400", 3), ("A100", 35)]
for sku, n in orders:
    revenue += sell(sku, n)
restock("C300", 12)
restock("B200", 20)
print(f"revenue: ${revenue:,.2f}")
for line in log:
    print(" log:", line)
print(f"{'sku':<6}{'name':<11}{'qty':>5}{'price':>8}{'value':>9}")
total_value = 0.0
for sku in sorted(inventory):
    name, qty, price = inventory[sku]
    value = qty * price
    total_value += value
    flag = " LOW" if qty < 5 else ""
    print(f"{sku:<6}{name:<11}{qty:>5}{price:>8.2f}{value:>9.2f}{flag}")
print("total value: {:.2f}".format(total_value))
removed = inventory["D400"]
del inventory["D400"]
print("discontinued:", removed)
inventory.update({"E500": ("thingamajig", 3, 45.0)})
del inventory["A100"]
print(len(inventory), list(inventory))
cheap = {sku: t[0] for sku, t in inventory.items() if t[2] < 20}
print(cheap)
qtys = [t[1] for t in inventory.values()]
print(qtys, sum(qtys), max(qtys))
low = sorted(inventory.items(), key=lambda kv: kv[1][1])
print(low[0][0], low[-1][1][0].upper())
print(inventory)
