# The store package: constants read by its submodules through `from . import`.
print("store: package init")
NAME = "corner shop"
CURRENCY = "EUR"
OPENED = [0]


def describe():
    return f"{NAME} ({CURRENCY}), opened {OPENED[0]} times"
