# Functions with many parameters of mixed types, called positionally and by keyword.
def weighted(a, b, c, d, e, f, g, h, wa=1.0, wb=2.0):
    return (a + b + c + d) * wa + (e + f + g + h) * wb


def fmt_row(name, qty, price, taxed, note="-"):
    t = price * qty
    if taxed:
        t = t * 1.2
    return f"{name:<8}|{qty:>4}|{price:>8.2f}|{t:>9.3f}|{note}"


print(weighted(1, 2, 3, 4, 5, 6, 7, 8))
print(weighted(1, 2, 3, 4, 5, 6, 7, 8, 0.5))
print(weighted(1, 2, 3, 4, 5, 6, 7, 8, wb=0.0, wa=10.0))
print(fmt_row("apple", 3, 0.5, False))
print(fmt_row("pear", 12, 1.25, True, "sale"))
print(fmt_row(note="n/a", taxed=True, price=9.99, qty=1, name="melon"))
