# kiln-only: 2 ** 62 fits, 2 ** 63 does not (the largest int is 2 ** 63 - 1), so the loop stops
# with OverflowError at e = 63 after printing e = 60, 61, 62.
for e in range(60, 70):
    print("2 **", e, "=", 2 ** e)
