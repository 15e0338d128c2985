# A list filled with float(...) of an element of a comprehension's result, then summed through a
# generator expression. Expected (CPython): 2.5
# Actual (kiln): compile error "`total` would change type from int to float" at 8:1 -- a valid program,
# and `total` is assigned only once. (Works with parts = ["2.5"], with sum(rows), or with rows.append(2.5).)
rows = []
parts = [p for p in ["2.5"]]
rows.append(float(parts[0]))
total = sum(r for r in rows)
print(total)
