# An empty dict literal passed to a function that neither stores into it nor reads a key from
# it: nothing says what its keys and values are.
# expect: kiln cannot infer the key and value types of this empty dict
# at: 7
def size(d):
    return len(d)
print(size({}))
