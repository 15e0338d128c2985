# kiln: build
# Lots of output, then an error several calls deep; everything printed before it must appear.
def level3(x):
    return 100 // (x - 7)


def level2(x):
    return level3(x) + 1


def level1(x):
    return level2(x) * 2


for i in range(200):
    if i < 7:
        print("i", i, "value", level1(i))
    else:
        print(f"{i:5d}", end="")
        if i % 10 == 9:
            print()
        if i == 150:
            print("now failing", level1(7))
