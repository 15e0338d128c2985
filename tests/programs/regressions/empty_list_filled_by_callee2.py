# Regression: an empty list (annotated or not) filled by the function it is passed to, and an
# empty list appended to a list of lists before it gets elements.
def fill(out, x):
    out.append(x)
    out.append(x + 1.0)
fit: list[float] = []
fill(fit, 1.5)
print(fit)
other = []
fill(other, 0.5)
print(other)
ys = []
xs = [[0.5]]
xs.append(ys)
ys.append(2.0)
print(xs)
