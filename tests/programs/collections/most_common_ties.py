# most_common orders by count, ties in first-seen order (a stable sort).
from collections import Counter

c = Counter(["b", "a", "c", "a", "b", "d", "e", "c"])
print(c)
print(c.most_common())
print(c.most_common(1))
print(c.most_common(2))
print(c.most_common(0))
print(c.most_common(10))

nums = Counter([3, 1, 2, 3, 1, 2, 5])
print(nums)
print(nums.most_common(2))

pairs = Counter([(1, 2), (2, 1), (1, 2), (0, 0)])
print(pairs)
print(pairs[(1, 2)], pairs[(9, 9)])

empty = Counter()
print(empty, len(empty), empty.most_common())
empty["x"] += 2
empty["y"] += 5
empty["x"] += 4
print(empty)
