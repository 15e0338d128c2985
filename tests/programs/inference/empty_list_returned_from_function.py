# A list whose element type is still open when a function returns it, fixed by the caller
# through the returned value: the call result teaches the callee's result, whose `return`
# teaches the returned variable, which teaches the caller's argument.
def ident(xs):
    return xs

def add_row(g):
    row = []
    g.append(row)
    return row

g = []
add_row(g).append(2.5)
print(g)
a = []
c = ident(a)
c.append(2.5)
print(a, c)
