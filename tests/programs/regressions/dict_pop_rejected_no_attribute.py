# dict.pop(key) / dict.pop(key, default): CPython prints "1 -1 {'b': 2}".
# kiln rejects it with "'dict[str, int]' object has no attribute 'pop'" -- a CPython AttributeError
# wording for a method every dict has; at least it should say `kiln does not support dict.pop yet`.
d = {"a": 1, "b": 2}
print(d.pop("a"), d.pop("zz", -1), d)
