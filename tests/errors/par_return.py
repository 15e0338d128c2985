# return inside a parallel loop would leave it.
# expect: return
# expect: parallel loop
# at: 11
from kiln import par


def index_of(xs, v):
    for i in par(range(len(xs))):
        if xs[i] == v:
            return i
    return -1


print(index_of([3, 1, 4], 4))
