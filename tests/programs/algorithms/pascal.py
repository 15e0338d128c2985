# Pascal's triangle row by row in a list, and Catalan numbers by DP.
row = [1]
for n in range(16):
    line = ""
    for v in row:
        line = line + str(v) + " "
    print(line)
    nxt = [1] * (len(row) + 1)
    for k in range(1, len(row)):
        nxt[k] = row[k - 1] + row[k]
    row = nxt
cat = [0] * 20
cat[0] = 1
for n in range(1, 20):
    s = 0
    for k in range(n):
        s += cat[k] * cat[n - 1 - k]
    cat[n] = s
print("catalan", cat)
r = [1]
for n in range(60):
    nxt = [1] * (len(r) + 1)
    for k in range(1, len(r)):
        nxt[k] = r[k - 1] + r[k]
    r = nxt
print("C(60, 30) =", r[30], "row length", len(r))
