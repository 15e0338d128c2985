# builtins and list methods implemented in the prelude: sum/any/all/sorted, index/count/insert/reverse/copy/extend/sort
xs = [5, 3, 8, 1, 9, 2]
print(sum(xs), sum([0.5, 0.25]), sum(xs, 10))
print(any([0, 0, 1]), all([1, 2, 0]), any([]), all([]))
print(sorted(xs), sorted(xs, reverse=True), xs)
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
print(sorted(pairs))
xs.sort()
print(xs, xs.index(8), xs.count(3))
xs.insert(0, 100)
xs.insert(-1, 50)
print(xs)
xs.reverse()
print(xs)
ys = xs.copy()
ys.extend([7, 7])
print(ys, xs)
words = ["pear", "apple", "fig"]
words.sort(reverse=True)
print(words)
print(xs.index(12345))
