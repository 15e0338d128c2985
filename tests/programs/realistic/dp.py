# Dynamic programming: 0/1 knapsack with item recovery, LCS and edit distance on int sequences
def knapsack(weights, values, cap, chosen):
    n = len(weights)
    cols = cap + 1
    table = [0] * ((n + 1) * cols)
    for i in range(1, n + 1):
        w = weights[i - 1]
        v = values[i - 1]
        for c in range(cols):
            best = table[(i - 1) * cols + c]
            if w <= c:
                alt = table[(i - 1) * cols + c - w] + v
                if alt > best:
                    best = alt
            table[i * cols + c] = best
    c = cap
    for i in range(n, 0, -1):
        if table[i * cols + c] != table[(i - 1) * cols + c]:
            chosen.append(i - 1)
            c -= weights[i - 1]
    return table[n * cols + cap]

def lcs(a, b, out):
    n = len(a)
    m = len(b)
    w = m + 1
    t = [0] * ((n + 1) * w)
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            if a[i - 1] == b[j - 1]:
                t[i * w + j] = t[(i - 1) * w + j - 1] + 1
            else:
                t[i * w + j] = max(t[(i - 1) * w + j], t[i * w + j - 1])
    i = n
    j = m
    rev = []
    while i > 0 and j > 0:
        if a[i - 1] == b[j - 1]:
            rev.append(a[i - 1])
            i -= 1
            j -= 1
        elif t[(i - 1) * w + j] >= t[i * w + j - 1]:
            i -= 1
        else:
            j -= 1
    for k in range(len(rev) - 1, -1, -1):
        out.append(rev[k])
    return t[n * w + m]

def edit_distance(a, b, sub_cost=1):
    prev = []
    for j in range(len(b) + 1):
        prev.append(j)
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else sub_cost
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
        prev = cur
    return prev[len(b)]

ALPHA = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m",
         "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z"]

def word(letters):
    # letters: a list of one-letter strings, mapped to alphabet positions
    out = []
    for ch in letters:
        for k in range(len(ALPHA)):
            if ALPHA[k] == ch:
                out.append(k + 1)
                break
        else:
            raise ValueError("not a lowercase letter: " + repr(ch))
    return out

def decode(xs):
    s = ""
    for x in xs:
        s += ALPHA[x - 1]
    return s

def spell(w):
    out = []
    for x in w:
        out.append(ALPHA[x - 1])
    return out

W = [12, 7, 11, 8, 9, 5, 3, 14]
V = [24, 13, 23, 15, 16, 9, 5, 30]
for cap in [10, 20, 26, 40]:
    picked = []
    best = knapsack(W, V, cap, picked)
    tw = 0
    for p in picked:
        tw += W[p]
    print(f"capacity {cap:>2}: value {best:>3} weight {tw:>2} items {picked}")

pairs = [[11, 9, 20, 20, 5, 14], [19, 9, 20, 20, 9, 14, 7],
         [19, 1, 20, 21, 18, 4, 1, 25], [19, 21, 14, 4, 1, 25],
         [9, 14, 20, 5, 14, 20, 9, 15, 14], [5, 24, 5, 3, 21, 20, 9, 15, 14],
         [1, 2, 3], [1, 2, 3], [], [4, 25, 14, 1, 13, 9, 3]]
for k in range(0, len(pairs), 2):
    a = pairs[k]
    b = pairs[k + 1]
    common = []
    n = lcs(a, b, common)
    d1 = edit_distance(a, b)
    d2 = edit_distance(a, b, sub_cost=2)
    print(f"{decode(a)!r:>12} -> {decode(b)!r:<12} lcs={n} '{decode(common)}' edit={d1} indel-edit={d2}")
print(word(spell(pairs[0])), word(["z", "o", "o"]))
print(word(["o", "k", "A"]))
