# Report helpers living inside a package.
print("loading module", __name__)

CURRENCY = "EUR"


def money(cents):
    return f"{cents // 100}.{cents % 100:02d} {CURRENCY}"


def table(rows):
    width = max(len(r[0]) for r in rows)
    return [f"{name.ljust(width)}  {money(value):>14}" for name, value in rows]
