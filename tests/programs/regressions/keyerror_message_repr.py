# Regression: KeyError's message is the repr() of its argument in CPython.
print("before")
raise KeyError("k")
