# functions as values: key= (len, lambdas) for sorted/sort/min/max, map/filter, zip/enumerate/reversed/list/range as values
words = ["banana", "Apple", "fig", "cherry", "date"]
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: len(w) * -1))
pairs = [(1, "b"), (3, "a"), (2, "c")]
print(sorted(pairs, key=lambda p: p[1]))
pairs.sort(key=lambda p: -p[0])
print(pairs)
print(min(words, key=len), max(words, key=len))
def square(x):
    return x * x
print(list(map(square, [1, 2, 3])), list(filter(lambda v: v % 2 == 0, [1, 2, 3, 4])))
print([f(3) for f in [square]])
g = square
print(g(7))
print(sorted([3, 1, 2], key=None))
print(list(map(abs, [-1, 2, -3])))
for v in map(lambda t: t[0] * 10, pairs):
    print(v)
print(sum(map(square, range(4))), list(range(2, 11, 3)), sum(range(101)), list(zip(range(3), [7, 8, 9])), list(enumerate([5, 6], 1)), list(reversed([1, 2, 3])))
