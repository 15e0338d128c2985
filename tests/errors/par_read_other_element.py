# An iteration reads an element that the previous iteration writes (a loop-carried dependence).
# expect: out[i - 1]
# expect: another iteration
# at: 8
out = [1] * 10
@par
for i in range(1, 10):
    out[i] = out[i - 1] + 1
