# A list whose element type is still open when a function returns it; the caller fixes the type
# through the returned value. Expected (CPython): ['s'] then [[2.5]]
# Actual (kiln run/-O0/build): compile error "`b` would change type from list[str] to list[int]"
# at 17:1 ("assigned a list[int] here") -- the call's result is defaulted to list[int] instead of
# being refined by the caller. Same for `def ident(xs): return xs` with `b = ident(a)` where
# `a = []`, for `return g[len(g) - 1]` after `g.append([])`, and (second part) for a callee that
# appends a fresh `row = []` to the caller's list and returns it: `add_row(g).append(2.5)` gives
# "cannot append float to a list of int".
def mk():
    return []

def add_row(g):
    row = []
    g.append(row)
    return row

b = mk()
b.append("s")
print(b)
g = []
add_row(g).append(2.5)
print(g)
