# Item assignment through a helper on rows built from empty lists; negative index; IndexError on store
def setit(xs, i, v):
    xs[i] = v
rows = []
for i in range(3):
    rows.append([])
for i in range(3):
    for j in range(i + 1):
        rows[i].append(str(j))
print(rows)
setit(rows[2], -3, "neg")
print(rows)
setit(rows[0], 1, "boom")
print("unreached")
