# print inside a parallel loop: the output order would depend on scheduling.
# expect: print
# at: 8
from kiln import par

for i in par(range(10), schedule="dynamic"):
    sq = i * i
    print(i, sq)
