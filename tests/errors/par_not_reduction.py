# `x = x + i` on a shared variable is not recognised as a reduction; the hint is `+=`.
# expect: total
# expect: shared
# expect: +=
# at: 9
total = 0
@par
for i in range(1000):
    total = total + i
print(total)
