# kiln-only: a recursive product with a print before each recursive call. Every "at N" line
# is printed (the same at -O0 and -O2: the accumulator rewrite must not move the overflow ahead
# of the prints), then 25! overflows 64 bits: OverflowError, exit 1. CPython prints the big
# product instead; kiln's stdout is a prefix of CPython's.
def prod(n):
    if n <= 1:
        return 1
    print("at", n)
    return n * prod(n - 1)
print(prod(25))
