# kiln: build
# Mutable default lists are evaluated once and shared across calls and across instances of a template
def f(v, acc=[]):
    acc.append(len(acc))
    print(v, acc)
    return acc

f(1)
f(2.5)
f("s")
r = f(True)
r.append(-1)
f(0)
def g3(x, out=[]):
    out.append(x)
    return out

print(g3(1))
print(g3(2))
mine = []
print(g3(3, mine), mine)
print(g3(4))
def fk(k, xs=[1.5]):
    xs.append(k * 1.0)
    return xs

def g(xs=[[1]]):
    xs[0].append(len(xs[0]))
    xs.append([0])
    return len(xs)

a = fk(1)
b = fk(2)
print(a, b, fk(3, [0.0]), fk(4))
a[0] = -1.0
print(fk(5))
print(g(), g(), g([[7]]), g())
