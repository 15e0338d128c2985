# An empty dict literal passed to a function that only reads from it: the lookup `d["x"]`
# teaches it its key type, and the call raises CPython's KeyError.
def first(d):
    return d["x"]

print(first({}))
