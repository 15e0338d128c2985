# non-constant defaults evaluated once at def time, mutable default, keyword-only args, keyword argument evaluation order
calls = 0
def mk():
    global calls
    calls += 1
    print("mk called", calls)
    return calls * 10
def f(a, b=mk(), c=mk()):
    return a + b + c
print(f(1))
print(f(1, 2))
print(f(1, c=3))
print(calls)
def g(xs=[1]):
    xs.append(len(xs))
    return len(xs)
print(g(), g(), g())
def h(a, b=2, *, c, d=4):
    print(a, b, c, d)
h(1, c=3)
h(1, 5, c=3, d=9)
h(c=0, a=-1)
def order(a, b):
    return a - b
def q(x):
    print("q", x)
    return x
print(order(b=q(1), a=q(2)))
print(order(q(5), b=q(3)))
print(f(a=q(1), c=q(2), b=q(3)))
D = 7
def k(x=D):
    return x
D = 8
print(k(), D)
