# Inventory report: parse CSV-like lines, aggregate per category, format a table.
DATA = """sku,name,category,qty,price
A100,Widget,tools,12,2.50
A101,Gadget,tools,3,10.00
B200,Apple,food,50,0.35
B201,Bread,food,8,2.25
C300,Pen,office,100,0.99
C301,Stapler,office,2,7.45
A102,Hammer,tools,0,15.00"""

def parse(text):
    lines = text.strip().splitlines()
    header = lines[0].split(",")
    items = []
    for line in lines[1:]:
        fields = dict(zip(header, line.split(",")))
        fields["qty"] = int(fields["qty"])
        items.append(fields)
    return items

def main():
    lines = DATA.strip().splitlines()
    header = lines[0].split(",")
    rows = [line.split(",") for line in lines[1:]]
    by_cat = {}
    for sku, name, cat, qty, price in rows:
        q, p = int(qty), float(price)
        entry = by_cat.setdefault(cat, {"count": 0.0, "value": 0.0})
        entry["count"] += q
        by_cat[cat]["value"] += q * p
    print(header)
    for cat in sorted(by_cat):
        print(f"{cat:<8}|{by_cat[cat]['count']:>5.0f}|{by_cat[cat]['value']:>9.2f}")
    out_of_stock = [name for sku, name, cat, qty, price in rows if int(qty) == 0]
    print("out of stock:", ", ".join(out_of_stock) or "none")
    cheapest = min(rows, key=lambda r: float(r[4]))
    print("cheapest:", cheapest[1], cheapest[4])
    totals = {cat: round(v["value"], 2) for cat, v in by_cat.items()}
    print(totals)

main()
