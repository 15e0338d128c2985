# No close global or local: CPython suggests a builtin (`prnt` -> `print`).
def show(x):
    return x + prnt


print(show(1) if False else "ready")
print(show(2))
prnt = 10
