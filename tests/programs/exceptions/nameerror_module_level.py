# At module level (no local names), a conditionally assigned global read while unbound; of two
# equally close bound globals the one bound first wins (`totals` -> `total_`, not `totalx`).
import sys

total_ = 1
totalx = 2
if len(sys.argv) > 5:
    totals = 3
print(total_ + totalx)
print(totals)
