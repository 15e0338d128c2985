# private per-iteration temporaries: tuple swaps, inner loops, lists created and appended in the body, names reused after the loop
from kiln import par

n = 40
fibs = [0] * n
@par(schedule="dynamic", chunk_size=1)
for i in range(n):
    a = 0
    b = 1
    for step in range(i):
        a, b = b, a + b
    fibs[i] = a
print(fibs)

# a list created in the body is private: appending to it is fine
sums = [0] * 25
@par
for i in range(25):
    divs = []
    for d in range(1, i + 1):
        if i % d == 0:
            divs.append(d)
    t = 0
    for d in divs:
        t += d
    sums[i] = t * 1000 + len(divs)
print(sums)

# temporaries assigned on every path of an if/else, and a private that is a string
labels = [""] * 12
weights = [0] * 12
for i in par(range(12), schedule="guided"):
    if i % 3 == 0:
        tag = "fizz"
        w = 3
    elif i % 5 == 0:
        tag = "buzz"
        w = 5
    else:
        tag = str(i)
        w = 1
    labels[i] = tag + "!"
    weights[i] = w * i
print(labels)
print(weights)

# the index is computed through a private temporary that depends on the loop variable
evens = [0] * 30
@par
for i in range(30):
    k = 2 * i
    evens[k // 2] = k * k
print(evens[0], evens[1], evens[29])

# the same names as private temporaries of a second loop, and reassigned after the loops
for i in par(range(n)):
    a = i * 3
    b = a + 1
    fibs[i] = a * b
print(fibs[0], fibs[1], fibs[39])
a = 7
b = a * 6
t = 99
print(a, b, t)


def smooth(xs):
    out = [0] * len(xs)
    for i in par(range(len(xs))):
        left = xs[i - 1] if i > 0 else xs[i]
        right = xs[i + 1] if i + 1 < len(xs) else xs[i]
        mid = xs[i]
        out[i] = (left + 2 * mid + right) // 4
    left = 0
    for v in out:
        left += v
    return out + [left]


print(smooth([0, 4, 8, 100, 8, 4, 0, -40]))
print(smooth([5]))
