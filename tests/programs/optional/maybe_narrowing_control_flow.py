# Narrowing of None-or-int values through try/except/else/finally, loops with break,
# functions that fall off their end (returning None), and assignments of plain values.
d = {"a": 1}


def f(k):
    v = d.get(k)
    try:
        if v is None:
            raise ValueError("none")
        print(v)
    finally:
        print("finally", v)


def g(k):
    v = d.get(k)
    try:
        if v is None:
            raise ValueError("none")
        print(v)
    except ValueError:
        print("handler", v)
    else:
        print("else", v + 1)
    print("after", v)


def h(k):
    v = d.get(k)
    for i in range(2):
        try:
            if v is None:
                break
            print("v", v)
        finally:
            print("fin", v)
    if v is None:
        return
    print("w", v + 1)


def first_even(xs):
    for x in xs:
        if x % 2 == 0:
            return x


def sign_word(n):
    if n > 0:
        return "positive"
    elif n < 0:
        return "negative"


for k in "ab":
    try:
        f(k)
    except ValueError as e:
        print("caught", e)
    g(k)
    h(k)
print(first_even([1, 3, 4]), first_even([1]), sign_word(3), sign_word(0), sign_word(-2))
e = first_even([7, 8])
if e is not None:
    print(e * 2)
best = None
for x in [4, 9, 2]:
    if best is None or x > best:
        best = x
    print("best so far", best + 0)
counts = {"x": 2}
c = counts.get("y")
c = 0 if c is None else c
c += 1
print(c)
m = counts.get("x")
while m is not None and m > 0:
    print("m", m)
    m -= 1
print("m done", m)
