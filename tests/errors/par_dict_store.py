# Storing into a dict shared by a parallel loop's iterations would insert from several threads.
# expect: counts
# expect: share
# at: 8
from kiln import par
counts = {}
for i in par(range(100)):
    counts[i % 7] = i
print(counts)
