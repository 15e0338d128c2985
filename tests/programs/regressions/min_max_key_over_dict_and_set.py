# min/max with key= over a dict or a set. Expected (CPython): "two" then "ab" then "one" (first max wins ties: "one" vs "two" both len 3).
# Actual (kiln): compile error inside kiln's prelude: "a key of type int cannot be in a dict with str keys (inside kiln's `max.key`)"
# for the dict, and "'set[str]' object is not subscriptable (inside kiln's `max.key`)" for the set (max__key indexes xs[i]).
z = {"one": 3, "two": 1}
print(min(z, key=lambda k: z[k]))
s = {"ab", "c"}
print(max(s, key=len))
print(max(z, key=len))
