# kiln: build
# break and continue in nested for / while loops.
for i in range(5):
    if i == 3:
        continue
    for j in range(5):
        if j > i:
            break
        if (i + j) % 2 == 1:
            continue
        print(i, j, end=" | ")
    print()
total = 0
i = 0
while i < 100:
    i += 1
    if i % 7 == 0:
        continue
    if i > 50:
        break
    j = 0
    while True:
        j += 1
        if j >= 3:
            break
        total += i * j
print("total", total, "i", i)
found = False
for a in range(1, 30):
    for b in range(a, 30):
        c2 = a * a + b * b
        c = 1
        while c * c < c2:
            c += 1
        if c * c == c2 and c < 30:
            print("triple", a, b, c)
            if a + b + c == 24:
                found = True
                break
    if found:
        break
print("stopped at a =", a, "b =", b)
count = 0
for x in range(10):
    for y in range(10):
        if x == y:
            continue
        if x + y > 12:
            break
        count += 1
print("count", count)
