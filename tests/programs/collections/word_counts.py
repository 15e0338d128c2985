# Word counts with defaultdict(int) and Counter, printed both ways.
from collections import defaultdict, Counter

TEXT = """the quick brown fox jumps over the lazy dog the fox barks
and the dog sleeps while a quick cat watches the brown fox"""

words = TEXT.split()

counts = defaultdict(int)
for w in words:
    counts[w] += 1
print(counts)
print(len(counts), counts["the"], counts["fox"])
print(sorted(counts.items()))
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])

c = Counter(words)
print(c)
print(c.most_common(3))
print(c["the"], c["missing"], len(c))
print(c.total())
print("fox" in c, "wolf" in c)

letters = Counter("mississippi")
print(letters)
print(letters.most_common())
print(list(letters.keys()), list(letters.values()))
for ch, n in letters.items():
    print(ch, n)
for ch in letters:
    print(ch, end=" ")
print()
print(dict(counts) == {w: counts[w] for w in counts})
print(dict(letters))
