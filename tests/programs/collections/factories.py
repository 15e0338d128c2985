# defaultdict with a lambda or function factory.
from collections import defaultdict

calls = 0


def make_pair():
    global calls
    calls += 1
    return [0, 0]


pairs = defaultdict(make_pair)
pairs["a"][0] += 1
pairs["a"][1] += 2
pairs["b"][1] += 3
print(calls, dict(pairs))
print(sorted(pairs.items()))

names = defaultdict(lambda: "unknown")
names["x"] = "ex"
print(names["x"], names["y"], len(names))
print(dict(names))

tree = defaultdict(lambda: defaultdict(int))
tree["a"]["x"] += 1
tree["a"]["y"] += 2
tree["b"]["x"] += 3
for k in tree:
    print(k, tree[k])

nums = defaultdict(lambda: 10)
nums[1] += 1
nums[2] -= 1
print(dict(nums))
