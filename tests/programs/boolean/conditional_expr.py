# kiln: build
# x if cond else y, including nesting and side effects in the untaken branch.
def loud(name, v):
    print("[" + name + "]", end="")
    return v


for i in range(-3, 4):
    sign = "neg" if i < 0 else "zero" if i == 0 else "pos"
    mag = i if i >= 0 else -i
    print(i, sign, mag, loud("big", 100) if mag > 2 else loud("small", 0))
a = 7
b = 3
print(a if a > b else b, b if a > b else a, (a - b) if a > b else (b - a))
x = 2.5
print(x * 2 if x > 1 else x / 2, 1.0 if x != x else 0.0)
count = 0
for k in range(20):
    count += 2 if k % 3 == 0 else 1 if k % 3 == 1 else 0
print("count", count)
