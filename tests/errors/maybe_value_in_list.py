# A value that may be None (dict.get without a default) put into a list: kiln keeps such values
# only in variables, fields and results.
# expect: None-or-value parts in a list[int | None]
# at: 7
counts = {"a": 1}
found = []
found.append(counts.get("b"))
print(found)
