# Binary search (exact, lower bound) over sorted lists of ints and floats.
def bsearch(xs, target):
    lo = 0
    hi = len(xs) - 1
    steps = 0
    while lo <= hi:
        steps += 1
        mid = (lo + hi) // 2
        if xs[mid] == target:
            return mid * 1000 + steps
        elif xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -steps


def lower_bound(xs, target):
    lo = 0
    hi = len(xs)
    while lo < hi:
        mid = (lo + hi) // 2
        if xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    return lo


evens = []
for i in range(500):
    evens.append(i * 2)
for t in [0, 2, 500, 998, 999, -4, 1000, 37, 38]:
    r = bsearch(evens, t)
    print("search", t, "->", r, "lower_bound", lower_bound(evens, t))
fl = [0.1, 0.5, 1.5, 2.25, 3.0, 10.0]
for ft in [0.0, 0.1, 1.0, 2.25, 9.99, 10.0, 11.0]:
    print("float", ft, lower_bound(fl, ft), bsearch(fl, ft))
