# len() of a str that may be None: CPython's TypeError when it is None.
names = {"a": "ann"}
print(len(names.get("b")))
