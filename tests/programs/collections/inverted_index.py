# A realistic script: an inverted index and a bigram model over a fixed text.
from collections import defaultdict, Counter
import collections

DOCS = [
    "the cat sat on the mat",
    "the dog sat on the log",
    "a cat and a dog met on a mat",
    "the end",
]

index = defaultdict(set)
positions = defaultdict(list)
for doc_id, doc in enumerate(DOCS):
    for pos, word in enumerate(doc.split()):
        index[word].add(doc_id)
        positions[word].append((doc_id, pos))

for word in sorted(index):
    print(f"{word:>4}: docs={sorted(index[word])} at={positions[word]}")


def search(*terms):
    result = None
    for t in terms:
        docs = index[t] if t in index else set()
        result = docs if result is None else result & docs
    return sorted(result) if result is not None else []


print(search("cat", "mat"))
print(search("dog", "on"))
print(search("unicorn"))

bigrams = collections.defaultdict(collections.Counter)
for doc in DOCS:
    ws = ["<s>"] + doc.split() + ["</s>"]
    for prev, nxt in zip(ws, ws[1:]):
        bigrams[prev][nxt] += 1

for prev in sorted(bigrams):
    following = bigrams[prev]
    best, n = following.most_common(1)[0]
    total = following.total()
    print(f"{prev} -> {best} ({n}/{total} = {n / total:.2f}) {following}")

length_hist = Counter(len(w) for d in DOCS for w in d.split())
for length, n in sorted(length_hist.items()):
    print(length, "#" * n)
print(length_hist)
