# Word puzzle helpers: palindromes, caesar cipher, run-length encoding, word ladder by BFS.
def is_pal(s):
    t = [c.lower() for c in s if c.isalnum()]
    return t == t[::-1]

def caesar(text, k):
    out = []
    for ch in text:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + k) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)

def rle(s):
    if not s:
        return []
    runs = [[s[0], "1"]]
    for c in s[1:]:
        if c == runs[-1][0]:
            runs[-1][1] = str(int(runs[-1][1]) + 1)
        else:
            runs.append([c, "1"])
    return [(c, int(n)) for c, n in runs]

def ladder(start, goal, words):
    wordset = set(words)
    frontier = [start]
    prev = {start: ""}
    while frontier:
        nxt = []
        for w in frontier:
            if w == goal:
                path = []
                cur = w
                while cur:
                    path.append(cur)
                    cur = prev[cur]
                return path[::-1]
            for i in range(len(w)):
                for c in "abcdefghijklmnopqrstuvwxyz":
                    cand = w[:i] + c + w[i + 1:]
                    if cand in wordset and cand not in prev:
                        prev[cand] = w
                        nxt.append(cand)
        frontier = nxt
    return None

for s in ["A man, a plan, a canal: Panama", "kiln", "No 'x' in Nixon"]:
    print(repr(s), is_pal(s))
msg = caesar("Hello, World!", 3)
print(msg, caesar(msg, -3))
print(rle("aaabccdddd"), rle(""))
print(ladder("cold", "warm", ["cord", "card", "ward", "warm", "word", "worm", "corm"]))
print(ladder("abc", "xyz", ["abd"]))
