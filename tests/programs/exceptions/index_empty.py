# IndexError on a list that was emptied of candidates (never appended to).
found = []
for n in range(10):
    if n > 100:
        found.append(n)
print("found", len(found), "items")
print("first:", found[0])
