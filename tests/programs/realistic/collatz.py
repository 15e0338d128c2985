# Collatz statistics: stopping times, record holders, a histogram and peak values
def bar(ch, n):
    s = ""
    for _ in range(n):
        s += ch
    return s

def steps(n, cache):
    orig = n
    count = 0
    while n != 1:
        if n < len(cache) and cache[n] >= 0:
            count += cache[n]
            break
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        count += 1
    if orig < len(cache):
        cache[orig] = count
    return count

def peak(n):
    top = n
    while n > 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        if n > top:
            top = n
    return top

N = 30000
cache = [-1] * (N + 1)
cache[1] = 0
record = -1
records = []
total = 0
longest = 0
for n in range(1, N + 1):
    s = steps(n, cache)
    total += s
    if s > record:
        record = s
        records.append(n)
    if s > steps(longest, cache) if longest else True:
        longest = n

print("record holders:", records)
print(f"mean stopping time: {total / N:.4f}")
print("longest chain start:", longest, "steps:", steps(longest, cache))

buckets = [0] * 10
for n in range(1, N + 1):
    b = cache[n] // 30
    if b >= len(buckets):
        b = len(buckets) - 1
    buckets[b] += 1
scale = max(buckets) / 50
for i in range(len(buckets)):
    lo = i * 30
    label = f"{lo:>3}-{lo + 29:<3}" if i < len(buckets) - 1 else f"{lo:>3}+    "
    print(label, "|" + bar("=", int(buckets[i] / scale)), buckets[i])

best_peak = 0
who = 0
for n in range(1, 2000):
    p = peak(n)
    if p > best_peak:
        best_peak, who = p, n
print(f"highest peak below 2000: {best_peak:,} from {who}")
print(peak(77031), peak(837799))
print(steps(27, cache), steps(97, cache), steps(871, cache))
