# Function factories: make_adder / make_multiplier, closures in lists, late binding vs default capture.


def make_adder(n):
    def add(x):
        return x + n
    return add


def make_multiplier(k):
    return lambda x: x * k


add5 = make_adder(5)
add_neg = make_adder(-100)
times3 = make_multiplier(3)
print(add5(10), add_neg(10), times3(7), times3(add5(1)))

adders = [make_adder(i) for i in range(5)]
print([f(10) for f in adders])



def make_scalers(factors):
    out = []
    for k in factors:
        out.append(make_multiplier(k))
    return out


scalers = make_scalers([1, 2, 10, -1])
print([s(4) for s in scalers])
value = 2
for s in scalers:
    value = s(value)
print(value)


def make_linear(a, b):
    def f(x):
        return a * x + b
    return f


lines = {"y=2x+1": make_linear(2.0, 1.0), "y=-x": make_linear(-1.0, 0.0), "y=0.5x": make_linear(0.5, 0.0)}
for name in lines:
    f = lines[name]
    print(name, [f(x) for x in range(-2, 3)])


def make_power(p):
    def power(x):
        r = 1
        for _ in range(p):
            r *= x
        return r
    return power


powers = [make_power(p) for p in range(6)]
print([pw(2) for pw in powers], [pw(3) for pw in powers])
