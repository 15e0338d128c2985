# A parameter declared `global` (CPython: SyntaxError: name 'x' is parameter and global).
# expect: parameter and global
# at: 4
def f(x):
    global x


f(1)
