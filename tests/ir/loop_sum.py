# IR snapshot: a for-range loop with an accumulator.
def total(n: int) -> int:
    s = 0
    for i in range(n):
        s += i * i
    return s


print(total(10))
