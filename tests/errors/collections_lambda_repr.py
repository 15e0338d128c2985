# CPython prints a lambda factory's address: kiln refuses to print such a defaultdict.
# expect: kiln cannot print a defaultdict whose factory is a function
# at: 7
from collections import defaultdict

d = defaultdict(lambda: 1)
print(d)
