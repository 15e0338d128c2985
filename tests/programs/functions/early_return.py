# return from inside loops and nested ifs.
def first_divisor(n):
    d = 2
    while d * d <= n:
        if n % d == 0:
            return d
        d += 1
    return n


def index_of(xs, target):
    for i in range(len(xs)):
        if xs[i] == target:
            return i
    return -1


def sign(x):
    if x > 0:
        return 1
    elif x < 0:
        return -1
    return 0


def find_pair(xs, target):
    for i in range(len(xs)):
        for j in range(i + 1, len(xs)):
            if xs[i] + xs[j] == target:
                return i * 100 + j
    return -1


for n in [2, 9, 15, 49, 97, 221, 1000003]:
    print(n, first_divisor(n))
data = [5, 3, 9, 1, 7]
print(index_of(data, 9), index_of(data, 5), index_of(data, 4))
print(sign(-7), sign(0), sign(12), sign(-0.5), sign(2.5))
print(find_pair(data, 16), find_pair(data, 4), find_pair(data, 100))
