# IndexError in a pure function called from a parallel loop nested in a sequential loop; earlier rounds succeed
from kiln import par


def get(xs, k):
    return xs[k] * 2


def run(xs, count):
    out = [0] * count
    @par(num_threads=4, chunk_size=2)
    for i in range(count):
        out[i] = get(xs, i + 1)
    return out


data = [3, 1, 4, 1, 5, 9, 2, 6]
for count in range(4, 12, 2):
    print(count, run(data, count))
print("not reached")
