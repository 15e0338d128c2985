# An empty list/set stored as a dict value and filled through the dict (the common grouping idioms).
# Expected (CPython): {'k': ['v']} / {'k': {'v'}} / {'a': ['x']}
# Actual (kiln): compile errors "cannot append str to a list of int" (setdefault with []),
# "kiln cannot infer the element type of this empty list" (setdefault with set(): it is not a list),
# and "cannot append str to a list of ?" (a `[]` in a dict literal) -- the last two messages are misleading.
d = {}
d.setdefault("k", []).append("v")
print(d)
e = {}
e.setdefault("k", set()).add("v")
print(e)
f = {"a": []}
f["a"].append("x")
print(f)
