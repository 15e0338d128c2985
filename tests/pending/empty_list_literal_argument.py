# An empty list literal passed directly as an argument. `a = []; f(a)` works, `f([])` does not.
# Expected (CPython): 0 / ['a'] / ['none']
# Actual (kiln run/-O0/build): compile error "kiln cannot infer the element type of this empty
# list" at 13:9 -- even where the element type is irrelevant (len) or fixed by the callee
# (append of a str, `xs or ["none"]`). Also `collect([], 2, "s")` with an append in a loop.
def n(xs):
    return len(xs)
def f(xs):
    xs.append("a")
    return xs
def g(xs):
    return xs or ["none"]
print(n([]))
print(f([]))
print(g([]))
