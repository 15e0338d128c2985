# for over a list that grows / is rebound / is mutated during iteration; loop variable rebinding in nested range loops
xs = [1, 2, 3]
for x in xs:
    if x < 10:
        xs.append(x * 10)
    print(x, len(xs))
print(xs)
ys = [5, 6]
for y in ys:
    ys[1] = 99
    print(y)
zs = [1, 2, 3, 4]
for z in zs:
    zs = [7]
    print(z)
print(zs)
ws = [1, 2, 3]
n = 0
for w in ws:
    ws[0] = n
    n += 1
print(n)
for i in range(3):
    for i in range(i):
        print("inner", i)
    print("outer", i)
r = 3
for j in range(r):
    r = 0
    print("j", j)
