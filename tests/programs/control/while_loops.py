# while loops: counting, conditions with side effects, nested whiles.
n = 27
steps = 0
while n != 1:
    if n % 2 == 0:
        n = n // 2
    else:
        n = 3 * n + 1
    steps += 1
print("collatz(27) steps:", steps)
i = 10
while i > 0:
    print(i, end=" ")
    i -= 3
print()
x = 1.0
k = 0
while x < 1000.0:
    x = x * 1.5
    k += 1
print(k, x)
row = 1
while row <= 5:
    col = 1
    line = ""
    while col <= row:
        line = line + str(row * col) + " "
        col += 1
    print(line)
    row += 1
a = 1071
b = 462
while b != 0:
    a, b = b, a % b
print("gcd", a)
