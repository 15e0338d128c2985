# Perfect, abundant and amicable numbers via divisor sums.
def divisor_sum(n):
    if n < 2:
        return 0
    s = 1
    d = 2
    while d * d <= n:
        if n % d == 0:
            s += d
            if d * d != n:
                s += n // d
        d += 1
    return s


perfect = []
abundant = 0
for n in range(2, 10000):
    s = divisor_sum(n)
    if s == n:
        perfect.append(n)
    elif s > n:
        abundant += 1
print("perfect:", perfect, "abundant below 10000:", abundant)
for n in range(2, 3000):
    m = divisor_sum(n)
    if m > n and divisor_sum(m) == n:
        print("amicable", n, m)
print(divisor_sum(33550336) == 33550336)
