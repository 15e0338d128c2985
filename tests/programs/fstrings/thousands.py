# The , thousands separator with ints and floats of many magnitudes.
n = 1
for i in range(19):
    print(f"{n:,} {-n:,} {n:>30,} {n * 0.5:,.1f}")
    if i < 18:
        n = n * 10
print(f"{0:,} {-1:,} {1.5:,} {123456.789:,} {1e20:,.0f}")
