# Bound methods as values: stored in variables, lists and dicts, passed to map/sorted.


class Calculator:
    def __init__(self):
        self.acc = 0
        self.ops = 0

    def add(self, x):
        self.acc += x
        self.ops += 1
        return self.acc

    def sub(self, x):
        self.acc -= x
        self.ops += 1
        return self.acc

    def mul(self, x):
        self.acc *= x
        self.ops += 1
        return self.acc


class Scaler:
    def __init__(self, k):
        self.k = k

    def apply(self, x):
        return x * self.k


calc = Calculator()
f = calc.add
print(f(5), f(10), calc.acc)
table = {"+": calc.add, "-": calc.sub, "*": calc.mul}
program = [("+", 3), ("*", 4), ("-", 10), ("*", -2), ("+", 100)]
for op, arg in program:
    print(op, arg, "->", table[op](arg))
print("acc", calc.acc, "ops", calc.ops)

double = Scaler(2).apply
triple = Scaler(3).apply
print(double(21), triple(7))
print(list(map(double, [1, 2, 3])), list(map(Scaler(10).apply, range(4))))
pipeline = [double, triple, Scaler(-1).apply]
x = 1
for step in pipeline:
    x = step(x)
print("pipeline", x)
print(sorted([3, -1, 2, -5], key=Scaler(-1).apply))

other = Calculator()
methods = [other.add, other.add, other.mul]
for m in methods:
    m(3)
print(other.acc, other.ops, calc.acc)
