# Lambdas: assigned to names, used as sort keys, with map/filter, default arguments, conditionals.

square = lambda x: x * x
add = lambda a, b: a + b
clamp = lambda x, lo=0, hi=10: lo if x < lo else (hi if x > hi else x)
is_even = lambda n: n % 2 == 0

concat = lambda a, b: a + b
print(square(7), add(3, 4), concat("ab", "cd"), add(-10, 4))
print(clamp(-5), clamp(5), clamp(50), clamp(50, hi=100), clamp(3, 4, 8))
print([square(i) for i in range(8)])
print(list(map(lambda s: s.upper(), ["a", "bc", "def"])))
print(list(filter(is_even, range(15))))
print(list(filter(lambda w: len(w) > 3, ["tree", "a", "house", "sky", "river"])))

pairs = [(3, "c"), (1, "a"), (2, "b"), (1, "z")]
print(sorted(pairs, key=lambda p: p[1]))
print(sorted(pairs, key=lambda p: (-p[0], p[1])))
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words, key=lambda w: w.lower()))
print(sorted(words, key=lambda w: (len(w), w)))
print(max(words, key=lambda w: w[-1]), min(words, key=lambda w: w.count("a")))
print((lambda x, y: x * 10 + y)(4, 2))
ops = [lambda x: x + 1, lambda x: x * 2, lambda x: x - 3, lambda x: x // 2]
v = 10
for op in ops:
    v = op(v)
    print("->", v)
table = {"inc": lambda n: n + 1, "neg": lambda n: -n, "sq": lambda n: n * n}
for name in ["inc", "neg", "sq", "inc"]:
    print(name, table[name](6))
print(sum(map(lambda x: x * x, range(10))))
nested = lambda x: (lambda y: x + y)
print(nested(3)(4))
