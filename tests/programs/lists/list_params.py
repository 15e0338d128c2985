# Lists are passed by reference: mutations in a callee are visible to the caller; aliases share.
def fill(xs, v):
    for i in range(len(xs)):
        xs[i] = v


def push_squares(xs, n):
    for i in range(n):
        xs.append(i * i)


def make(n):
    out = []
    for i in range(n):
        out.append(n - i)
    return out


a = [1, 2, 3]
b = a
b[0] = 100
print(a, b)
fill(a, 7)
print(a, b)
push_squares(b, 4)
print(a, len(a))
c = make(5)
d = make(5)
c[0] = 0
print(c, d)
words = ["x", "y"]
w2 = words
w2.append("z")
print(words)


def reverse_in_place(xs):
    i = 0
    j = len(xs) - 1
    while i < j:
        t = xs[i]
        xs[i] = xs[j]
        xs[j] = t
        i += 1
        j -= 1


reverse_in_place(c)
print(c)
fs = [1.0, 2.0, 4.0]
reverse_in_place(fs)
print(fs)
