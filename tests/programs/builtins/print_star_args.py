xs = [1, 2, 3]
empty: list[int] = []
print(*xs)
print(*xs, sep=", ")
print("a", *xs, "b", sep="-")
print(*empty)
print("only", *empty)
print(*empty, "after")
print(*empty, *xs, *empty, sep="|", end="!\n")
print(*"abc")
print(*range(4), sep="")
print(*(x * x for x in xs))
words = "the quick brown fox".split()
print(*sorted(words), sep="\n")
t = (1, "two", 3.0)
print(*t)
rows = [[1, 2], [3, 4]]
for r in rows:
    print(*r, sep="\t")
