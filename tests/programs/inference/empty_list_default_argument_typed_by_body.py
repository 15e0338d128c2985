# An empty-list default argument (`def f(v, seen=[])`) whose element type comes from the body
# (the default is evaluated once and shared between calls).
def tag(v, seen=[]):
    seen.append(v)
    return seen

print(tag("x"))
print(tag("y"))
