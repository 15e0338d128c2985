# kiln: build
# Membership, min/max over lists, list truthiness and printing of empty and nested values.
xs = [4, 8, 15, 16, 23, 42]
print(15 in xs, 14 in xs, 42 not in xs, 7 not in xs)
names = ["ada", "grace", "linus"]
print("grace" in names, "guido" in names, min(names), max(names))
fs = [2.5, -1.0, 3.75, -1.0]
print(min(fs), max(fs), min(xs), max(xs), 3.75 in fs, 1 in fs, 2.5 in fs)
empty = []
print(empty, len(empty), bool(empty), 1 in empty)
empty.append(3)
print(empty, bool(empty))
flags = [True, False, True]
print(flags, False in flags, max(flags), min(flags))
words = []
for w in names:
    if "a" in [w]:
        words.append(w)
print(words)
if xs and empty:
    print("both")
x = 0
y = x or 5
z = x and 5
s = "" or "default"
print(y, z, s, 3 and 4, 0 or 0, "a" and "b")
n = None
print(n is None, n is not None, n == None)
