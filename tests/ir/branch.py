# IR snapshot: if / elif / else and a while loop with break.
def classify(n: int) -> int:
    if n < 0:
        return -1
    elif n == 0:
        return 0
    k = 0
    while True:
        k += 1
        if k * k >= n:
            break
    return k


print(classify(-5), classify(0), classify(17))
