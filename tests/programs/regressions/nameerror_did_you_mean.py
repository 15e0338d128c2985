# A global read (in a function called) before its assignment, while a similar name is bound:
# CPython 3.11 ends the report with "NameError: name 'zs' is not defined. Did you mean: 'xs'?"
# (kiln used to stop before the suggestion).
xs = [1]
def g():
    return zs[0]
print("calling")
print(g())
zs = [2]
