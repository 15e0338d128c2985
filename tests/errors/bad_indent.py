# An indentation error.
# expect: indent
# at: 6
def f(x):
    y = x + 1
        return y
