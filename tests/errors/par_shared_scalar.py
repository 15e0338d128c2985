# A parallel loop assigns a scalar defined before it (not a reduction) and reads it after the loop.
# expect: last
# expect: shared
# at: 10
n = 100
out = [0] * n
last = -1
@par
for i in range(n):
    last = i
    out[i] = i * 2
print(last, out[n - 1])
