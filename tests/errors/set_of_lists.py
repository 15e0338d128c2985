# A list cannot be a set element (it is unhashable in Python; kiln rejects it at compile time).
# expect: unhashable type
# at: 6
s = {(1, 2), (3, 4)}
t = set()
t.add([1, 2])
print(s, t)
