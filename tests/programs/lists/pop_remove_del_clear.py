# list.pop (end, front, negative), remove, clear, del xs[i], a stack; remove of a missing value raises ValueError
xs = [10, 20, 30, 40, 50]
print(xs.pop(), xs)
print(xs.pop(0), xs)
print(xs.pop(-2), xs)
xs.remove(40)
print(xs)
ys = [1, 2, 3, 2]
del ys[1]
print(ys)
del ys[-1]
print(ys)
ys.clear()
print(ys, len(ys))
ys.append(7)
print(ys)
stack = []
for i in range(5):
    stack.append(i * i)
while stack:
    print(stack.pop(), end=" ")
print()
zs = [1]
zs.remove(5)
