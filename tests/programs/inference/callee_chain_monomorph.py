# One callee chain (leaf/mid/top) filling empty lists of str, float and list[int]; conditional and aliased fills
def leaf(xs, v):
    if len(xs) < 100:
        xs.append(v)

def mid(xs, vals):
    for v in vals:
        leaf(xs, v)

def top(xs, vals, times):
    for t in range(times):
        mid(xs, vals)
    return len(xs)

a = []
b = []
c = []
print(top(a, ["p", "q"], 2), top(b, [1.5], 3), top(c, [[1], [2, 3]], 1))
print(a, b, c)
d = []
for i in range(3):
    if i == 5:
        mid(d, [True])
print(d)
m = []
mm = m
if len(mm) == 0:
    leaf(mm, "late")
print(m)
