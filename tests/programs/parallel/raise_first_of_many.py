# iterations from 541 on raise (IndexError at 541, float ZeroDivisionError after it): the first in iteration order wins
from kiln import par


def inv(x):
    return 1.0 / x


vals = [0.0] * 1000
for i in range(1000):
    vals[i] = (541 - i) * 0.5 if i < 541 else 0.0
s = 0.0
m = 0.0
@par(schedule="static", chunk_size=3)
for i in range(1000):
    k = i + 1000 if i == 541 else i
    m = max(m, inv(vals[k]) + i)
    s += vals[i]
print(s, m)
