# A global read (in a function called) before its assignment, while a similar name exists.
# Expected (CPython 3.11): stdout "calling", exit 1, last stderr line
#   NameError: name 'zs' is not defined. Did you mean: 'xs'?
# Actual (kiln run/-O0/build): last stderr line "NameError: name 'zs' is not defined" -- no
# "Did you mean" suggestion, so the last line is not CPython's (CPython picks a close name among
# the frame's locals, the module's current globals and the builtins).
xs = [1]
def g():
    return zs[0]
print("calling")
print(g())
zs = [2]
