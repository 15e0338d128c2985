# A shared dict passed to a function that stores into its parameter, from a parallel loop.
# expect: tally
# expect: record
# at: 14
from kiln import par


def record(tally, k):
    tally[k] = 1


tally = {}
for i in par(range(10)):
    record(tally, i)
print(tally)
