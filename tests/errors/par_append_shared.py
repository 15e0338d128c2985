# Appending to a list created before the parallel loop (the order would depend on scheduling).
# expect: evens
# expect: append
# at: 10
from kiln import par
evens = []
for i in par(range(50)):
    if i % 2 == 0:
        k = i * 3
        evens.append(k)
print(evens)
