# Passing a keyword argument the function does not have.
# expect: keyword argument
# expect: colour
# at: 9
def paint(x, color=0):
    return x + color


print(paint(1, colour=2))
