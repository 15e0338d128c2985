# LCG random numbers: Monte-Carlo estimate of pi, a random walk and a histogram of endpoints
import math

seed = 12345
A = 1103515245
C = 12345
M = 2 ** 31

def rand_int():
    global seed
    seed = (A * seed + C) % M
    return seed

def rand_float():
    return rand_int() / M

def rand_range(lo, hi):
    return lo + rand_int() % (hi - lo)

def estimate_pi(samples):
    inside = 0
    for _ in range(samples):
        x = rand_float()
        y = rand_float()
        if x * x + y * y <= 1.0:
            inside += 1
    return 4 * inside / samples

for n in [100, 1000, 10000, 100000]:
    est = estimate_pi(n)
    print(f"n={n:>7,}  pi~{est:.5f}  error={abs(est - math.pi):.5f}")

def walk(steps_):
    pos = 0
    for _ in range(steps_):
        if rand_int() & 0x10000:
            pos += 1
        else:
            pos -= 1
    return pos

WALKS = 2000
STEPS = 64
hist = [0] * (2 * STEPS + 1)
total = 0
sq = 0
for _ in range(WALKS):
    e = walk(STEPS)
    hist[e + STEPS] += 1
    total += e
    sq += e * e
mean = total / WALKS
var = sq / WALKS - mean * mean
print(f"mean endpoint {mean:+.4f}, variance {var:.3f} (theory {STEPS})")
print(f"rms distance {math.sqrt(sq / WALKS):.4f} vs sqrt(N) = {math.sqrt(STEPS):.4f}")
top = max(hist)
for i in range(0, len(hist), 2):
    if hist[i] == 0:
        continue
    width = hist[i] * 60 // top
    line = ""
    while len(line) < width:
        line += "#"
    print(f"{i - STEPS:>4} {hist[i]:>4} {line}")

dice = [0] * 13
for _ in range(6000):
    dice[rand_range(1, 7) + rand_range(1, 7)] += 1
print("two dice:", dice)
chi = 0.0
for s in range(2, 13):
    expected = 6000 * (6 - abs(s - 7)) / 36
    chi += (dice[s] - expected) ** 2 / expected
print(f"chi-square = {chi:.3f}", "plausible" if chi < 18.31 else "suspicious")
print("final seed", seed, seed % 1000)
