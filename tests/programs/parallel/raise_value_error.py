# an explicit raise in one iteration of a parallel loop: several iterations would raise, the first in iteration order is reported
from kiln import par

n = 200
out = [0] * n
print("before the loop")
total = 0
@par(schedule="dynamic", chunk_size=1)
for i in range(n):
    if i % 37 == 0 and i > 0:
        raise ValueError("bad " + str(i))
    out[i] = i * 2
    total += i
print("not reached", total)
