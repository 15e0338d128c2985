# Comparing one character of a str (`s[i]`) with another string: compiled as a byte compare
# for ASCII text. Edge cases: non-ASCII text, negative indices, empty strings, operands of
# other lengths, both operands indexed, and the IndexError of each operand in order.


def count_matches(a: str, b: str) -> int:
    n = 0
    for i in range(len(a)):
        for j in range(len(b)):
            if a[i] == b[j]:
                n += 1
    return n


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


def try_eq(s: str, i: int, t: str, j: int) -> str:
    try:
        return str(s[i] == t[j])
    except IndexError as e:
        return "IndexError: " + str(e)


def main():
    texts = ["abcabc", "", "héllo wörld", "日本語の日本", "a😀b😀", "x"]
    others = ["a", "b", "", "ab", "é", "日", "😀", "x", "abc"]
    for s in texts:
        row = []
        for i in range(-len(s), len(s)):
            for t in others:
                row.append("1" if s[i] == t else "0")
                row.append("1" if t == s[i] else "0")
                row.append("1" if s[i] != t else "0")
        print(repr(s), "".join(row))
    for s in texts:
        for t in texts:
            print(repr(s), repr(t), count_matches(s, t), lcs(s, t))
    print(lcs("ACCGGTCGAGTGCGCGGAAGCCGGCCGAA", "GTCGTTCGGAATGCCGTTGCTCTGTAAA"))
    print(lcs("kitten sitting", "sitting kitten"), lcs("ñandú", "ñu"), lcs("", "abc"))
    # Neighbouring characters of the same string.
    s = "aabbbcdd"
    runs = 0
    for i in range(len(s) - 1):
        if s[i] == s[i + 1]:
            runs += 1
    print(runs, s[-1] == s[len(s) - 1], s[0] == s[-len(s)])
    # Out of range: the left operand is read first.
    print(try_eq("abc", 3, "abc", 0), try_eq("abc", 0, "abc", 3), try_eq("abc", 5, "ab", 7))
    print(try_eq("abc", -4, "abc", 0), try_eq("", 0, "a", 0), try_eq("é", 0, "é", -1))
    print(try_eq("abc", -1, "xyc", -1), try_eq("日本", 1, "本", 0), try_eq("ab", 1, "b", -1))
    word = "level"
    print(all(word[i] == word[-1 - i] for i in range(len(word))))
    print("".join(c for c in "mississippi" if c == "s"))
    t = "abc"
    print(t[1] == "b", "b" == t[1], t[1] == "bc", t[1] == "", t[-3] == "a")
    print(t[3] == "x")


main()
