# par over lists (by index): ints, floats, strings, rows of a list of lists, an empty list, a list built at run time
from kiln import par

ints = [5, -3, 12, 7, 0, 7, -8, 100, 42, 1]
s = 0
m = -1000
for x in par(ints):
    s += x
    m = max(m, x * x)
print(s, m)

floats = [0.5, 1.25, -2.0, 8.75, 3.0]
fs = 0.0
fp = 1.0
for f in par(floats, schedule="dynamic", chunk_size=1):
    fs += f
    fp *= 2.0 if f > 0.0 else 0.5
print(fs, fp)

words = ["alpha", "beta", "gamma", "delta", "epsilon", "", "zeta"]
letters = 0
longest = 0
for w in par(words, num_threads=2):
    letters += len(w)
    longest = max(longest, len(w))
print(letters, longest)

rows = []
for r in range(6):
    row = []
    for c in range(r + 1):
        row.append(r * c + 1)
    rows.append(row)
cells = 0
weighted = 0
for rw in par(rows, schedule="guided"):
    cells += len(rw)
    t = 0
    for v in rw:
        t += v
    weighted += t * len(rw)
print(cells, weighted)

# iterate over a list of indices and write the elements they name
order = [4, 0, 3, 1, 2]
out = [0] * 5
for k in par(order):
    out[k] = k * k + 1
print(out)

empty = [0] * 0
n_empty = 0
for x in par(empty):
    n_empty += 1
print(n_empty)

big = []
for i in range(20000):
    big.append((i * 7) % 1000)
hist = [0] * 10
total = 0
for x in par(big, chunk_size=1000):
    total += x
print(total)
for d in par(range(10)):
    cnt = 0
    for y in big:
        if y // 100 == d:
            cnt += 1
    hist[d] = cnt
print(hist)
