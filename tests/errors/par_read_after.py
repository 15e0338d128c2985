# A variable assigned in the parallel loop is private to each iteration: it has no value after the loop.
# expect: sq
# expect: after the loop
# at: 11
n = 10
out = [0] * n
@par
for i in range(n):
    sq = i * i
    out[i] = sq
print(out, sq)
