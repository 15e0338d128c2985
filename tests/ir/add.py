# IR snapshot: a two-argument int function and a call.
def add(a: int, b: int) -> int:
    return a + b


print(add(2, 3))
