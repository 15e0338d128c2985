# A small text report formatter: generates sales records with a linear congruential
# generator, groups them by region and product in dicts, and prints aligned tables whose
# column formats are computed from the data (widths, precision), with % and str.format.
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 400000

REGIONS = ["north", "south", "east", "west", "central"]
PRODUCTS = ["widget", "gadget", "doohickey", "gizmo", "thingamajig", "whatsit", "contraption"]


def lcg(state):
    return (state * 1103515245 + 12345) % 2147483648


totals = {}
counts = {}
by_region = {}
state = 42
for i in range(N):
    state = lcg(state)
    region = REGIONS[state % len(REGIONS)]
    state = lcg(state)
    product = PRODUCTS[state % len(PRODUCTS)]
    state = lcg(state)
    amount = (state % 100000) / 100.0
    key = region + "/" + product
    totals[key] = totals.get(key, 0.0) + amount
    counts[key] = counts.get(key, 0) + 1
    by_region[region] = by_region.get(region, 0.0) + amount

name_width = max([len(k) for k in totals])
count_width = max([len(str(c)) for c in counts.values()])
row_fmt = "%-" + str(name_width) + "s %" + str(count_width) + "d %14.2f %10.3f"
head_fmt = "{:<" + str(name_width) + "} {:>" + str(count_width) + "} {:>14} {:>10}"
print(head_fmt.format("region/product", "n", "total", "mean"))
print("-" * (name_width + count_width + 27))
for key in sorted(totals):
    print(row_fmt % (key, counts[key], totals[key], totals[key] / counts[key]))

print()
grand = sum(by_region.values())
bar_fmt = "{:>8} {:>12,.2f} {:6.2%} {}"
for region in sorted(by_region, key=lambda r: -by_region[r]):
    share = by_region[region] / grand
    print(bar_fmt.format(region, by_region[region], share, "#" * int(share * 50)))
print("records: {:,}  grand total: {:,.2f}".format(N, grand))
