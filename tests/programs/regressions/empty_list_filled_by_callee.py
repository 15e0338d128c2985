# Regression: an empty list whose element type is decided by an append in a function it is passed to.
def fill(xs):
    xs.append(1)
ys = []
fill(ys)
print(ys)
