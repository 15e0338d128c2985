# set.pop (CPython's order) and dict.popitem (last inserted); pop from an empty set raises KeyError
s = {5, 1, 9, 3}
print(s.pop(), s.pop(), s)
d = {"a": 1, "b": 2, "c": 3}
print(d.popitem(), d)
k, v = d.popitem()
print(k, v, d)
e = set()
e.add(1)
e.pop()
e.pop()
