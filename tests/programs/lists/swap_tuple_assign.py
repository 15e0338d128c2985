# Tuple assignment with list items as targets: the right side is evaluated completely first.
xs = [1, 2, 3, 4, 5]
xs[0], xs[4] = xs[4], xs[0]
print(xs)
i = 1
j = 3
xs[i], xs[j] = xs[j], xs[i]
print(xs)
a = 0
xs[a], a = 9, 2
print(xs, a)
n = len(xs)
for k in range(n // 2):
    xs[k], xs[n - 1 - k] = xs[n - 1 - k], xs[k]
print(xs)
fl = [0.5, 1.5]
fl[0], fl[1] = fl[1] * 2, fl[0] * 2
print(fl)
p = 1
q = 2
p, q = q, p
print(p, q)
x, y, z = 1, 2.5, "three"
print(x, y, z)
