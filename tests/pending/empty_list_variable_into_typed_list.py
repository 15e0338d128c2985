# An empty list held in a variable, then put into a list whose element type is already known.
# The variable should take its type from the container (as `[[True], []]` does for a literal).
# Expected (CPython): [[True], []]
# Actual (kiln run/-O0/build): compile error "cannot append list[int] to a list of list[bool]"
# at 9:1 -- `empty` is defaulted to list[int]. Same for `[[True], empty]` ("list elements have
# different types"), `d[0] = empty`, `d += [empty]`, and passing `empty` to a callee that appends it.
d = [[True]]
empty = []
d.append(empty)
print(d)
