# kiln: build
# Bubble, insertion and selection sort written by hand, on ints, floats and strings-free keys.
def lcg_list(n, seed):
    out = []
    x = seed
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out.append(x % 1000)
    return out


def copy(xs):
    out = []
    for x in xs:
        out.append(x)
    return out


def bubble(xs):
    n = len(xs)
    swaps = 0
    for i in range(n):
        changed = False
        for j in range(n - 1 - i):
            if xs[j] > xs[j + 1]:
                t = xs[j]
                xs[j] = xs[j + 1]
                xs[j + 1] = t
                swaps += 1
                changed = True
        if not changed:
            break
    return swaps


def insertion(xs):
    for i in range(1, len(xs)):
        key = xs[i]
        j = i - 1
        while j >= 0 and xs[j] > key:
            xs[j + 1] = xs[j]
            j -= 1
        xs[j + 1] = key


def selection(xs):
    n = len(xs)
    for i in range(n):
        m = i
        for j in range(i + 1, n):
            if xs[j] < xs[m]:
                m = j
        t = xs[i]
        xs[i] = xs[m]
        xs[m] = t


def is_sorted(xs):
    for i in range(1, len(xs)):
        if xs[i - 1] > xs[i]:
            return False
    return True


data = lcg_list(40, 42)
print("data", data)
a = copy(data)
print("bubble swaps", bubble(a))
print(a, is_sorted(a))
b = copy(data)
insertion(b)
print(b, is_sorted(b))
c = copy(data)
selection(c)
print(c, is_sorted(c))
fl = [3.5, -1.25, 2.0, 0.0, -0.5, 10.75, 2.0]
insertion(fl)
print(fl, is_sorted(fl))
big = lcg_list(2000, 7)
insertion(big)
print(is_sorted(big), big[0], big[999], big[-1])
