# A function already defined is a global like any other: `helpr` -> `helper`.
def helper():
    return 1


def g():
    return helpr + 1


print(g())
helpr = helper()
