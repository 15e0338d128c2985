# Multiplication table and triangle patterns from nested loops.
for i in range(1, 10):
    line = ""
    for j in range(1, 10):
        line = line + f"{i * j:4d}"
    print(line)
for i in range(1, 6):
    stars = ""
    for j in range(i):
        stars = stars + "*"
    print(f"{stars:>5}|{stars:<5}|{stars:^9}|")
total = 0
for a in range(10):
    for b in range(10):
        for c in range(10):
            if a + b + c == 15:
                total += 1
print("triples summing to 15:", total)
