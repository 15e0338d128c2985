# BUG (accepts a program CPython rejects, prints output where CPython prints none):
# a name used (or assigned) in a function before its `global` declaration.
# CPython: SyntaxError: name 'x' is used prior to global declaration (exit 1, empty stdout).
# kiln run/build: prints "0" and "5", exit 0. Expected: compile error at 4:5, exit 2.
# Same for `x = 1` before `global x` ("assigned to before global declaration").
x = 0
def f():
    print(x)
    global x
    x = 5
f()
print(x)
