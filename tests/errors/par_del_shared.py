# `del xs[i]` resizes a list shared by a parallel loop's iterations.
# expect: del
# expect: xs
# at: 8
from kiln import par
xs = [1, 2, 3]
for i in par(range(3)):
    del xs[0]
