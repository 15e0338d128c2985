# IndexError from a negative index beyond -len.
ys = [1.5, 2.5, 3.5]
for k in range(-1, -5, -1):
    print(k, ys[k])
