# Regression: empty list literals typed by context: a conditional-expression branch, an append
# argument, a concatenation operand, a nested literal refined through an index.
buf = ["a"] if True else []
print(buf)
xs = [[1.5]]
xs.append([])
print(xs)
ys = [["a"]]
ys = ys + [[]]
print(ys)
print([] if False else [1.5])
zs = [[]]
zs[0].append(2.5)
print(zs)
