# Nothing close among locals, globals and builtins: no suggestion.
counter = 0


def bump():
    return counter + zqwx


print(bump())
zqwx = 7
