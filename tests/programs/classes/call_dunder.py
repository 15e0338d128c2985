# Callable objects via __call__: polynomials, accumulators, objects passed where functions go.


class Polynomial:
    def __init__(self, coeffs):
        # coeffs[i] is the coefficient of x**i
        self.coeffs = coeffs

    def __call__(self, x):
        result = 0
        for c in reversed(self.coeffs):
            result = result * x + c
        return result

    def derivative(self):
        return Polynomial([i * self.coeffs[i] for i in range(1, len(self.coeffs))])

    def __repr__(self):
        terms = []
        for i in range(len(self.coeffs) - 1, -1, -1):
            c = self.coeffs[i]
            if c == 0:
                continue
            if i == 0:
                terms.append(str(c))
            elif i == 1:
                terms.append(f"{c}x")
            else:
                terms.append(f"{c}x^{i}")
        return " + ".join(terms) if terms else "0"


class Accumulator:
    def __init__(self, start):
        self.total = start
        self.calls = 0

    def __call__(self, amount):
        self.calls += 1
        self.total += amount
        return self.total


class Threshold:
    def __init__(self, limit):
        self.limit = limit

    def __call__(self, x):
        return x >= self.limit


def apply_all(p, xs):
    return [p(x) for x in xs]


def count_if(pred, xs):
    n = 0
    for x in xs:
        if pred(x):
            n += 1
    return n


p = Polynomial([1, -3, 0, 2])
print(p)
print([p(x) for x in range(-3, 4)])
dp = p.derivative()
print(dp, dp(2), dp.derivative(), dp.derivative().derivative())
print(Polynomial([0, 0, 0]), Polynomial([5])(100))
print(apply_all(Polynomial([0, 1, 1]), [1, 2, 3, 4]))

acc = Accumulator(100)
for amount in [5, -20, 13, 2]:
    print("running total", acc(amount))
print(acc.total, acc.calls)

big = Threshold(10)
print(big(9), big(10), big(11))
data = [3, 15, 10, 7, 22, 9, 10]
print(count_if(big, data), count_if(Threshold(5), data), count_if(Threshold(100), data))
print(list(filter(big, data)))
print(sorted(data, key=Polynomial([0, -1])))
print(max(data, key=Polynomial([0, 10, -1])))
