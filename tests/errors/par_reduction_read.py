# A reduction variable may not also be read elsewhere in the loop body.
# expect: total
# expect: reduction
# at: 10
out = [0] * 20
total = 0
@par
for i in range(20):
    total += i
    out[i] = total
print(out, total)
