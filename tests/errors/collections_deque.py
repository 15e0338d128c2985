# A member of `collections` that kiln does not provide is named in the error.
# expect: kiln does not support `collections.deque` yet
# at: 4
from collections import Counter, deque

q = deque([1, 2])
print(q, Counter("ab"))
