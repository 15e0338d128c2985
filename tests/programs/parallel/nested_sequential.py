# parallel loops nested inside sequential loops and in functions called thousands of times (Jacobi iteration, counters)
from kiln import par

N = 64
cur = [0.0] * N
nxt = [0.0] * N
cur[0] = 1024.0
cur[N - 1] = -512.0
for step in range(200):
    @par(schedule="static", chunk_size=8)
    for i in range(N):
        if i == 0 or i == N - 1:
            nxt[i] = cur[i]
        else:
            nxt[i] = (cur[i - 1] + cur[i + 1]) * 0.5
    @par
    for i in range(N):
        cur[i] = nxt[i]
    if step % 50 == 49:
        print(step, f"{cur[1]:.6f} {cur[N // 2]:.6f} {cur[N - 2]:.6f}")


def bump(counts, k):
    for i in par(range(len(counts)), schedule="dynamic", chunk_size=3):
        counts[i] += (i * k) % 7


def weight(k):
    s = 0
    @par
    for i in range(k % 17):
        s += i * k
    return s


counts = [0] * 10
grand = 0
for k in range(3000):
    bump(counts, k)
    grand += weight(k)
print(counts, grand)

# three levels: sequential, sequential, parallel
table = [0] * 100
for a in range(4):
    for b in range(5):
        acc = 0
        for i in par(range(a * 10 + b), num_threads=3):
            acc += i * (a + 1) - b
        table[a * 5 + b] = acc
print(table[0], table[1], table[19])
s = 0
for v in table:
    s += v
print(s)

# a parallel loop inside a while loop whose condition depends on the reduction
total = 1
rounds = 0
while total < 10 ** 12:
    inc = 0
    @par
    for i in range(rounds + 1):
        inc += total % 1000 + i
    total = total * 3 + inc
    rounds += 1
print(rounds, total)
