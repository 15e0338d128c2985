# An empty list stored in another list (literal [inner], e.append(inner), or via a callee)
# whose element type is fixed only through the container (e[0].append / e[0] += / x = e[0]).
# Expected (CPython): [['x']] ['x']
# Actual (kiln run/-O0/build): compile error "`e` would change type from list[list[str]] to
# list[list[int]]" at 9:1 -- the aliased empty list `inner` is defaulted to list[int] instead of
# being refined with the container. Same with `e = []; e.append(inner)` ("cannot append
# list[int] to a list of list[str]"), `e[0] += ["x"]`, and `x = e[0]; x.append(1.5)`.
inner = []
e = [inner]
e[0].append("x")
print(e, inner)
