# Functions returning [] in one branch and a full list in another; recursive list builders; [[]] * n sharing; annotated nested empties
def evens(xs):
    if len(xs) == 0:
        return []
    out = []
    for x in xs:
        if x % 2 == 0:
            out.append(x * 0.5)
    return out

none = []
print(evens(none))
print(evens([1, 2, 3, 4]))
e = evens([1, 3])
print(e, len(e))
print(evens([9, 8]))

def names(n):
    if n <= 0:
        return []
    return ["n" + str(n)] + names(n - 1)

print(names(4), names(0))

def flags(n):
    return [] if n == 0 else [n > 1] * n
print(flags(0), flags(1), flags(3))

grid = [[]] * 2
grid[0].append("shared")
print(grid)

g2 = [[], []]
g2[1].append(1.25)
print(g2)

a: list[list[str]] = []
a.append([])
a[0].append("z")
a.append(["y", "w"])
print(a)

b: list[bool] = []
b.append(3 > 2)
print(b)

c = [] or [0.5]
print(c)
d = [] + [] + ["q"]
print(d)
f = []
f = f + [True]
print(f)
