# An empty `set()` whose element type comes only from `|=` (or from nothing) queried with `in`:
# kiln stops with "error: internal compiler error: invalid IR in function `__kiln_module`: set query
# with the wrong element type". Expected (CPython): {'a', 'b'}, then False -- see also: `"a" in set()` alone (False)
# gives the same internal error, and `seen = seen | {node}` is rejected with the misleading
# "kiln cannot infer the element type of this empty list" (it is a set).
seen = set()
for node in ["a", "b"]:
    if node in seen:
        continue
    seen |= {node}
print(seen)
# Same for a dict never stored to: d = {}; print("a" in d) -> "internal compiler error: ... dict lookup
# with the wrong key type" (CPython: False).
d = {}
print("a" in d)
