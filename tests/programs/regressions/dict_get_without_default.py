# dict.get(key) without a default on a dict of ints: the value or None (kiln once asked for a
# default, with an error about the prelude's internals).
d = {"a": 1}
print(d.get("b"))
print(d.get("a"))
