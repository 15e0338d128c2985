# kiln: build
# IndexError: list assignment index out of range.
zs = [0] * 4
for i in range(6):
    zs[i] = i * i
    print(zs)
