# evaluation order of call arguments, keyword arguments, subscripts, augmented subscripts, tuple assignment, print sep/end
def p(x):
    print("eval", x)
    return x
def f(a, b=0, c=0):
    return a * 100 + b * 10 + c
print(f(p(1), c=p(3), b=p(2)))
print(f(c=p(1), a=p(2)))
print(p(1) + p(2) * p(3) - p(4) ** p(2) // p(5))
print([p(1), p(2), p(3)][p(1)])
xs = [0, 0, 0]
xs[p(1)] = p(5)
print(xs)
xs[p(0)] += p(7)
print(xs)
a, b = p(1), p(2)
a, b = b, a
print(a, b)
print(f"{p(1)}{p(2)}")
print(p("x"), p("y"), sep=p("-"), end=p("\n"))
print(max(p(3), p(1), p(2)), min(p(3), p(1)))
print(-p(3) if p(True) else p(4))
def q(flag):
    print("q", flag)
    return flag
print(q(True) and q(False) or q(True))
print(not q(False) and q(True))
x = q(0) or q(0) or q(7)
print(x)
