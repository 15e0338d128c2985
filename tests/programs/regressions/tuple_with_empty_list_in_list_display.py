b = [("a", ["x"]), ("c", [])]
print(b)
