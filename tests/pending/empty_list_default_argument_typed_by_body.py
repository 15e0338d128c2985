# An empty-list default argument (`def f(v, seen=[])`) whose element type comes from the body.
# Expected (CPython): ['x'] then ['x', 'y'] (the default is evaluated once and shared)
# Actual (kiln run/-O0/build): compile error "cannot append str to a list of int" at 7:5 --
# the default `[]` is always list[int]; appending anything but int (str, float, list) is
# rejected. Works only when the appended values are ints.
def tag(v, seen=[]):
    seen.append(v)
    return seen

print(tag("x"))
print(tag("y"))
