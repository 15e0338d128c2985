# kiln: build
# The else clause of for and while runs only when the loop was not left by break.
def find(xs, target):
    for i in range(len(xs)):
        if xs[i] == target:
            print("found", target, "at", i)
            break
    else:
        print(target, "not found")


data = [4, 8, 15, 16, 23, 42]
find(data, 15)
find(data, 5)
find(data, 42)
for i in range(0):
    print("never")
else:
    print("empty for: else runs")
n = 0
while n < 3:
    n += 1
else:
    print("while finished normally, n =", n)
n = 0
while True:
    n += 1
    if n == 4:
        break
else:
    print("never printed")
print("while broke at", n)
# primes with for-else
for p in range(2, 40):
    for d in range(2, p):
        if p % d == 0:
            break
    else:
        print(p, end=" ")
print()
# continue does not skip the else clause
for i in range(5):
    if i % 2 == 0:
        continue
    print("odd", i)
else:
    print("else after continue")
# nested: inner break only leaves the inner loop
for i in range(3):
    for j in range(3):
        if j == i and i < 2:
            break
    else:
        print("inner else", i)
    print("outer", i)
