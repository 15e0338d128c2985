# Prime sieve, factorisation table, totients and perfect numbers up to a limit
def bar(ch, n):
    s = ""
    for _ in range(n):
        s += ch
    return s

LIMIT = 200

def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = False
    is_p[1] = False
    p = 2
    while p * p <= n:
        if is_p[p]:
            for m in range(p * p, n + 1, p):
                is_p[m] = False
        p += 1
    primes = []
    for i in range(n + 1):
        if is_p[i]:
            primes.append(i)
    return primes

PRIMES = sieve(LIMIT)

def factor_string(n):
    if n < 2:
        return str(n)
    parts = ""
    for p in PRIMES:
        if p * p > n:
            break
        e = 0
        while n % p == 0:
            n //= p
            e += 1
        if e:
            if parts:
                parts += " * "
            parts += str(p) if e == 1 else f"{p}^{e}"
    if n > 1:
        parts += (" * " if parts else "") + str(n)
    return parts

def totient(n):
    result = n
    m = n
    for p in PRIMES:
        if p * p > m:
            break
        if m % p == 0:
            while m % p == 0:
                m //= p
            result -= result // p
    if m > 1:
        result -= result // m
    return result

def divisor_sum(n):
    s = 0
    d = 1
    while d * d <= n:
        if n % d == 0:
            s += d
            if d != n // d:
                s += n // d
        d += 1
    return s - n

print(len(PRIMES), "primes below", LIMIT)
for i in range(0, len(PRIMES), 10):
    row = ""
    for j in range(i, min(i + 10, len(PRIMES))):
        row += f"{PRIMES[j]:5d}"
    print(row)

print(f"{'n':>5} | {'factors':<20} | {'phi':>4} | kind")
for n in range(90, 131, 4):
    s = divisor_sum(n)
    kind = "perfect" if s == n else ("abundant" if s > n else "deficient")
    print(f"{n:>5} | {factor_string(n):<20} | {totient(n):>4} | {kind}")

twins = 0
for k in range(len(PRIMES) - 1):
    if PRIMES[k + 1] - PRIMES[k] == 2:
        twins += 1
print("twin prime pairs:", twins)
gaps = [0] * 20
for k in range(len(PRIMES) - 1):
    gaps[PRIMES[k + 1] - PRIMES[k]] += 1
for g in range(len(gaps)):
    if gaps[g]:
        print(f"gap {g:2}: {bar('*', gaps[g])}")
print(factor_string(9223372036854775807))
print(factor_string(1 << 62))
print(factor_string(600851475143))
