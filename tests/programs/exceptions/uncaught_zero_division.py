# Ends with a ZeroDivisionError raised three frames deep and never caught.


def average(xs):
    return sum(xs) // len(xs)


def report(groups):
    for name in groups:
        print(name, average(groups[name]))


def main():
    groups = {"a": [1, 2, 3], "b": [10, 20], "c": [], "d": [4]}
    report(groups)


main()
