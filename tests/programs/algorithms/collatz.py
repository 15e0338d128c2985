# Collatz sequences: lengths, the longest start below a bound, and peak values.
def collatz_len(n):
    steps = 1
    while n != 1:
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def peak(n):
    top = n
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        if n > top:
            top = n
    return top


for n in [1, 2, 3, 6, 7, 9, 27, 97, 871]:
    print(n, collatz_len(n), peak(n))
best = 1
best_len = 1
for n in range(1, 100000):
    l = collatz_len(n)
    if l > best_len:
        best = n
        best_len = l
print("longest below 100000:", best, best_len)
line = ""
n = 27
count = 0
while n != 1 and count < 30:
    line = line + str(n) + " "
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    count += 1
print(line)
