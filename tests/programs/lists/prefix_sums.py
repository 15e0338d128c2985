# Prefix sums and range queries, running maximum, and a difference array.
vals = []
x = 17
for i in range(30):
    x = (x * 75 + 74) % 65537
    vals.append(x % 100 - 50)
print(vals)
pre = [0] * (len(vals) + 1)
for i in range(len(vals)):
    pre[i + 1] = pre[i] + vals[i]
print(pre)
queries = [0, 30, 5, 10, 12, 13, 29, 30, 7, 7]
q = 0
while q < len(queries):
    lo = queries[q]
    hi = queries[q + 1]
    print("sum", lo, hi, pre[hi] - pre[lo])
    q += 2
best = vals[0]
cur = 0
for v in vals:
    cur = cur + v if cur > 0 else v
    if cur > best:
        best = cur
print("max subarray", best)
diff = [0] * 11
ops = [0, 5, 3, 2, 8, -1, 4, 10, 2]
k = 0
while k < len(ops):
    diff[ops[k]] += ops[k + 2]
    diff[ops[k + 1]] -= ops[k + 2]
    k += 3
acc = 0
res = []
for i in range(10):
    acc += diff[i]
    res.append(acc)
print(res)
fl = [0.5, 0.25, 0.125, 0.0625]
run = 0.0
cum = []
for fv in fl:
    run += fv
    cum.append(run)
print(cum)
