# A Matrix class: construction helpers, +, *, ==, transpose, determinant, identity, __repr__.


class Matrix:
    def __init__(self, rows):
        self.rows = rows
        self.n = len(rows)
        self.m = len(rows[0])

    @classmethod
    def zeros(cls, n, m):
        return cls([[0] * m for _ in range(n)])

    @classmethod
    def identity(cls, n):
        z = cls.zeros(n, n)
        for i in range(n):
            z.rows[i][i] = 1
        return z

    def __getitem__(self, ij):
        i, j = ij
        return self.rows[i][j]

    def __setitem__(self, ij, v):
        i, j = ij
        self.rows[i][j] = v

    def __add__(self, other):
        return Matrix([[self.rows[i][j] + other.rows[i][j] for j in range(self.m)] for i in range(self.n)])

    def __mul__(self, other):
        out = Matrix.zeros(self.n, other.m)
        for i in range(self.n):
            for j in range(other.m):
                s = 0
                for k in range(self.m):
                    s += self.rows[i][k] * other.rows[k][j]
                out[i, j] = s
        return out

    def __eq__(self, other):
        return self.rows == other.rows

    def transpose(self):
        return Matrix([[self.rows[i][j] for i in range(self.n)] for j in range(self.m)])

    def scale(self, k):
        return Matrix([[x * k for x in row] for row in self.rows])

    def det(self):
        if self.n == 1:
            return self.rows[0][0]
        if self.n == 2:
            return self.rows[0][0] * self.rows[1][1] - self.rows[0][1] * self.rows[1][0]
        total = 0
        for j in range(self.m):
            minor = Matrix([row[:j] + row[j + 1:] for row in self.rows[1:]])
            sign = 1 if j % 2 == 0 else -1
            total += sign * self.rows[0][j] * minor.det()
        return total

    def power(self, e):
        result = Matrix.identity(self.n)
        base = self
        while e > 0:
            if e % 2 == 1:
                result = result * base
            base = base * base
            e //= 2
        return result

    def __repr__(self):
        return "Matrix(" + repr(self.rows) + ")"

    def pretty(self):
        width = max(len(str(x)) for row in self.rows for x in row)
        return "\n".join(" ".join(str(x).rjust(width) for x in row) for row in self.rows)


a = Matrix([[1, 2], [3, 4]])
b = Matrix([[0, 1], [1, 0]])
print(a)
print(a + b)
print(a * b)
print(b * a)
print(a * Matrix.identity(2) == a, a * b == b * a)
print(a.transpose(), a.det(), (a * a).det())
c = Matrix([[2, 0, 1], [1, 3, 2], [1, 1, 1]])
print(c.det(), c.transpose().det(), c.scale(2).det())
print(c.pretty())
fib = Matrix([[1, 1], [1, 0]])
for e in [1, 2, 5, 10, 30, 60]:
    print("fib", e, fib.power(e)[0, 1])
rect = Matrix([[1, 2, 3], [4, 5, 6]])
print(rect * rect.transpose())
print(rect.transpose() * rect)
print((rect.transpose() * rect).pretty())
m = Matrix.zeros(3, 3)
m[1, 2] = 7
m[0, 0] = -1
print(m, m.det(), m == Matrix.zeros(3, 3))
big = Matrix([[(i * 7 + j * 3) % 5 - 2 for j in range(5)] for i in range(5)])
print(big.pretty())
print("det", big.det(), (big * big).det(), big.power(3).det())
