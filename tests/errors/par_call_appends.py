# A function called from a parallel loop appends to a list it did not create.
# expect: record
# expect: append
def record(log, v):
    log.append(v)
    return v * v


seen = []
out = [0] * 10
@par(num_threads=2)
for i in range(10):
    out[i] = record(seen, i)
print(out, seen)
