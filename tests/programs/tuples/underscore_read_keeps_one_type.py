# A program that reads `_` treats it as an ordinary variable: one type, its last value.
pairs = [(1, "a"), (2, "b")]
for _, letter in pairs:
    print(letter)
print(_)
total = 0
for _ in range(4):
    total += _
print(total, _)
