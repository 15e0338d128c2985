# kiln: build
# IndexError: list index out of range when reading past the end.
xs = [1, 2, 3]
i = 0
while True:
    print("xs[" + str(i) + "] =", xs[i])
    i += 1
