# Objects in lists and dicts, passed to and returned from functions, and mutated through aliases.


class Item:
    def __init__(self, name, qty, price):
        self.name = name
        self.qty = qty
        self.price = price

    def value(self):
        return self.qty * self.price

    def __repr__(self):
        return f"Item({self.name!r}, {self.qty}, {self.price})"


def make_items(spec):
    out = []
    for name, qty, price in spec:
        out.append(Item(name, qty, price))
    return out


def restock(items, amount):
    for it in items:
        if it.qty < 5:
            it.qty += amount


def cheapest(items):
    best = items[0]
    for it in items[1:]:
        if it.price < best.price:
            best = it
    return best


def index_by_name(items):
    d = {}
    for it in items:
        d[it.name] = it
    return d


items = make_items([("bolt", 100, 2), ("nut", 3, 1), ("gear", 4, 40), ("axle", 12, 75)])
print(items)
restock(items, 10)
print(items)

c = cheapest(items)
print("cheapest:", c)
c.price = 3
print("after changing via alias:", items[1], c is items[1])

by_name = index_by_name(items)
by_name["gear"].qty -= 7
print(items[2], by_name["gear"] is items[2])

copy = list(items)
copy.append(Item("spring", 50, 1))
copy[0].name = "BOLT"
print(len(items), len(copy), items[0].name)

groups: dict[str, list[Item]] = {"cheap": [], "dear": []}
for it in copy:
    if it.price < 10:
        groups["cheap"].append(it)
    else:
        groups["dear"].append(it)
for k in groups:
    print(k, [it.name for it in groups[k]], sum(it.value() for it in groups[k]))

pairs = [(it.value(), it.name) for it in copy]
pairs.sort(reverse=True)
print(pairs)

matrix = [[Item("a", 1, 1), Item("b", 2, 2)], [Item("c", 3, 3)]]
matrix[1].append(matrix[0][0])
matrix[0][0].qty = 99
print(matrix)
print([[it.value() for it in row] for row in matrix])

stack = []
for it in copy:
    stack.append(it)
top = stack.pop()
print("popped", top, len(stack))
nested = {"x": {"y": Item("deep", 1, 5)}}
nested["x"]["y"].price *= 2
print(nested["x"]["y"], nested["x"]["y"].value())
