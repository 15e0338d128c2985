# Starred unpacking of lists, strings and list rows: `date, time, *words = line.split()`,
# `*init, tail`, an empty star, and CPython's ValueErrors when too few values arrive.
line = "2024-03-01 09:15:02 INFO server started now"
date, time, level, *words = line.split()
print(date, time, level, words)
first, *middle, last = [1, 2, 3, 4, 5]
print(first, middle, last)
*init, tail = [1.5]
print(init, tail)
head, *rest = "xyz"
print(head, rest)
a, *b = [7]
print(a, b)
for name, *scores in [["ann", "1", "2"], ["bo"]]:
    print(name, scores)
try:
    x, y, *z = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    x, y = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    x, y, w = [1]
except ValueError as e:
    print("ValueError:", e)
p, *_ = ["only", "ignored"]
print(p)
