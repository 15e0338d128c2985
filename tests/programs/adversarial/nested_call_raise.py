# ValueError raised deep in mutual recursion after partial output (print end= without newline)
def a(n):
    print("a", n)
    return b(n - 1) + 1
def b(n):
    print("b", n)
    if n == 0:
        raise ValueError("bad value " + str(n))
    return a(n)
print("start", end="|")
print(a(3))
