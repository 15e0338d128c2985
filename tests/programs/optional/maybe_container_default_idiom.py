# None or a list, dict or set: the mutable-default idiom (`into=None` then `into = []`),
# a function that returns a list or None, `d.get(k)` on a dict of lists, a best-so-far variable.
def collect(v, into=None):
    if into is None:
        into = []
    into.append(v)
    return into

print(collect("c"))
acc = collect(1.5)
collect(2.5, acc)
print(acc)

def tally(words, counts=None):
    if counts is None:
        counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts

print(tally(["a", "b", "a"]))

def maybe_list(n):
    if n > 0:
        return [n] * n
    return None

r = maybe_list(2)
print(r)
print(maybe_list(0))
if r is not None:
    print(len(r), r[0])

d = {"a": [1, 2]}
got = d.get("a")
print(got)
missing = d.get("zz")
print(missing is None, missing)

best = None
for row in [[3, 1], [2, 2, 2], [1]]:
    if best is None or len(row) > len(best):
        best = row
print(best)

def walk(seen=None):
    seen = seen if seen is not None else set()
    seen.add(3)
    return seen
print(walk())
