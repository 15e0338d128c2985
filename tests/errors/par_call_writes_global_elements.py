# A function called from a parallel body writes elements of a global list: the compiler
# cannot check that the iterations write distinct elements.
# expect: bump
# expect: counts
# at: 11
counts = [0] * 10
def bump(k):
    counts[k] += 1
@par
for i in range(100):
    bump(i % 10)
