# A function instantiated for an empty list before callees fix its element type (show before/after fill), nested lists
def show(xs):
    print(len(xs), xs)
    return len(xs)

def fill(xs, v):
    xs.append(v)
    show(xs)

a = []
show(a)
b = []
show(b)
c = []
show(c)
fill(a, "s")
fill(b, 2.5)
show(a)
show(b)
show(c)
d = []
n = show(d) + show(d)
fill(d, [True])
fill(d, [False, True])
show(d)
e = []
show(e)
fill(e, d)
show(e)
