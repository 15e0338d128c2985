# A value that may be None passed to a builtin that kiln does not handle None for.
# expect: may be None (int | None) to abs()
# at: 5
sizes = {"a": 3}
print(abs(sizes.get("b")))
