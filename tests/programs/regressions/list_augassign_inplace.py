# kiln: build
# `xs += ys` on a list extends it in place (list.__iadd__), so every alias sees the change:
# other names, a caller's list, a list held in another list. `xs += xs` doubles it once.
a = [1]
b = a
b += [2]
print(a, b)


def ext(xs):
    xs += [3]


ext(a)
print(a)
g = [[0]]
d = g[0]
g[0] += [5]
print(d, g[0])
e = [7, 8]
e += e
print(e)
f = []
f += [1.5]
print(f)
