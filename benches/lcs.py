# Dynamic programming: the longest common subsequence of two generated strings, with a
# rolling pair of rows (str indexing, lists of ints, max). C twin: benches/c/lcs.c.


def make(n: int, seed: int) -> str:
    # A linear congruential generator, so the C twin builds the same strings.
    s = seed
    out = []
    for i in range(n):
        s = (s * 1103515245 + 12345) % 2147483648
        out.append(chr(97 + (s >> 16) % 4))
    return "".join(out)


def lcs(a: str, b: str) -> int:
    m = len(b)
    prev = [0] * (m + 1)
    cur = [0] * (m + 1)
    for i in range(1, len(a) + 1):
        ca = a[i - 1]
        for j in range(1, m + 1):
            if ca == b[j - 1]:
                cur[j] = prev[j - 1] + 1
            else:
                cur[j] = max(prev[j], cur[j - 1])
        prev, cur = cur, prev
    return prev[m]


a = make(4000, 1)
b = make(4000, 2)
print(a[:20], b[:20], lcs(a, b))
