# Edit distance and longest common subsequence on lists of ints with a rolling DP row.
def edit_distance(a, b):
    prev = [0] * (len(b) + 1)
    for j in range(len(b) + 1):
        prev[j] = j
    for i in range(1, len(a) + 1):
        cur = [0] * (len(b) + 1)
        cur[0] = i
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            best = prev[j] + 1
            if cur[j - 1] + 1 < best:
                best = cur[j - 1] + 1
            if prev[j - 1] + cost < best:
                best = prev[j - 1] + cost
            cur[j] = best
        prev = cur
    return prev[len(b)]


def lcs(a, b):
    n = len(a)
    m = len(b)
    t = [0] * ((n + 1) * (m + 1))
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            if a[i - 1] == b[j - 1]:
                t[i * (m + 1) + j] = t[(i - 1) * (m + 1) + j - 1] + 1
            else:
                up = t[(i - 1) * (m + 1) + j]
                left = t[i * (m + 1) + j - 1]
                t[i * (m + 1) + j] = up if up >= left else left
    return t[n * (m + 1) + m]


kitten = [11, 9, 20, 20, 5, 14]
sitting = [19, 9, 20, 20, 9, 14, 7]
print(edit_distance(kitten, sitting), lcs(kitten, sitting))
a = []
b = []
x = 1
for i in range(200):
    x = (x * 48271) % 2147483647
    a.append(x % 4)
    x = (x * 48271) % 2147483647
    b.append(x % 4)
print(edit_distance(a, b), lcs(a, b), edit_distance(a, a), lcs(b, b))
print(edit_distance([1], [2, 3, 4]), lcs([1, 2, 3], [3, 2, 1]))
