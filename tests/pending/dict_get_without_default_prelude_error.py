# dict.get(key) without a default: CPython prints "None" then "1".
# kiln rejects it with "function `dict__get` returns int in one place and None in another
# (inside kiln's `dict.get`)" -- an error about the prelude's internals, not the user's program.
d = {"a": 1}
print(d.get("b"))
print(d.get("a"))
