# Anagram grouping: sorted-letter keys, dict of lists, sets of signatures, str join/sorted, tuple keys of letter counts
words = ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac",
         "dog", "god", "odg", "bird", "drib", "inlets", "banana"]
groups = {}
for w in words:
    key = "".join(sorted(w))
    if key in groups:
        groups[key].append(w)
    else:
        groups[key] = [w]
for key in sorted(groups, key=lambda k: (-len(groups[k]), k)):
    members = groups[key]
    print(f"{key:>8}: {len(members)} {' '.join(sorted(members))}")
def signature(w):
    counts = [0] * 26
    for ch in w:
        counts[ord(ch) - ord("a")] += 1
    return (counts[0], counts[1], counts[4], counts[13], counts[14], counts[19])
sigs = {}
for w in words:
    s = signature(w)
    sigs[s] = sigs.get(s, 0) + 1
print(len(sigs), max(sigs.values()))
letters_used = set()
for w in words:
    for ch in w:
        letters_used.add(ch)
print("".join(sorted(letters_used)), len(letters_used))
unused = set("abcdefghijklmnopqrstuvwxyz") - letters_used
print(sorted(unused))
singletons = [g[0] for g in groups.values() if len(g) == 1]
print(singletons)
pairs = [(a, b) for a in words for b in words if a < b and sorted(a) == sorted(b) and a[0] == b[-1]]
print(pairs)
longest = max(groups.values(), key=len)
print(longest, [w[::-1] for w in longest])
palin = [w for w in words if w == w[::-1]]
print(palin)
caps = {w.capitalize() for w in words if len(w) == 3}
print(sorted(caps))
