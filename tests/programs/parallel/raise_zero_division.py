# ZeroDivisionError inside a parallel loop with a reduction, in a function, after sequential output
from kiln import par


def harmonic(lo, hi):
    s = 0
    for i in par(range(lo, hi), schedule="guided"):
        s += 1000000 // (i - 700)
    return s


print(harmonic(0, 500))
print(harmonic(701, 900))
print(harmonic(600, 800))
print("not reached")
