# A value that may be None passed to a builtin that kiln does not handle None for.
# expect: may be None (str | None) to len()
# at: 5
names = {"a": "ann"}
print(len(names.get("b")))
