# ZeroDivisionError from int / int with a zero divisor.
def mean(total, count):
    return total / count


print(mean(10, 4))
print(mean(7, 2))
print(mean(0, 0))
