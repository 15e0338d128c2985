# A list whose element type is still open when a function returns it, fixed by the caller
# through the returned value. (`def mk(): return []` typed by `b = mk(); b.append(...)` works.)
# Expected (CPython): [[2.5]] then [2.5] [2.5]
# Actual (kiln run/-O0/build): compile error "cannot append float to a list of int" for
# `add_row(g).append(2.5)` (a method call on a call's result does not refine the callee), and
# "`c` would change type from list[float] to list[int]" for `c = ident(a)` (the result is the
# parameter, whose type comes from the caller's still-open list). Same for
# `return g[len(g) - 1]` after `g.append([])`.
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
