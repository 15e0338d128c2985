# An empty dict literal passed to a function that never stores into it: its types are unknown.
# expect: kiln cannot infer the key and value types of this empty dict
# at: 7
def first(d):
    return d["x"]

print(first({}))
