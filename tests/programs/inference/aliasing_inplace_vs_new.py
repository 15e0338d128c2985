# kiln: build
# List aliasing: += extends in place for every alias, xs = xs + ys makes a new list, mutation in callees, shared rows
def ext(xs, ys):
    xs += ys
    return xs

a = [1, 2]
b = a
a += [3]
print(a, b)
a = a + [4]
print(a, b)
c = ext(b, [9])
print(b, c, a)
c[0] = 100
print(b[0], c[0])
m = [[0] * 2] * 3
m[0][1] = 5
print(m)
rows = []
r = []
for i in range(3):
    r.append(i)
    rows.append(r)
print(rows)
r2 = rows[1]
r2.append(99)
print(rows)
def mutate(xss):
    xss[0][0] = -1
    xss.append([7])
mutate(rows)
print(rows, r)
s = ["a"]
t = s
s = s + ["b"]
t += ["c"]
print(s, t)
s = s * 2
print(s)
