# Pricing helpers; reads the package's currency with `from . import`.
from . import CURRENCY

print("store.pricing: loading")
TAX_PERCENT = 20


def discount_for(qty):
    if qty >= 20:
        return 15
    if qty >= 10:
        return 10
    if qty >= 5:
        return 5
    return 0


def total(unit, qty):
    gross = unit * qty
    return gross - gross * discount_for(qty) // 100


def format_price(cents):
    return f"{cents // 100}.{cents % 100:02d} {CURRENCY}"
