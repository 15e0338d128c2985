# A name used in a function before its `global` statement (CPython: SyntaxError).
# expect: prior to global declaration
# at: 7
x = 0
def f():
    print(x)
    global x
    x = 5
f()
print(x)
