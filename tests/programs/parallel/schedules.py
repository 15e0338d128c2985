# kiln: build
# every schedule (static, dynamic, guided) with chunk_size 1, 3, 1000 and the default, in both spellings
from kiln import par

n = 997
base = [0] * n
for i in range(n):
    base[i] = (i * 31 + 7) % 101


def check(name, out, total):
    ok = True
    expect = 0
    for i in range(n):
        if out[i] != base[i] * 2 + 1:
            ok = False
        expect += out[i]
    print(f"{name:<22} ok={ok} total={total} expect={expect}")


out = [0] * n
total = 0
@par(schedule="static")
for i in range(n):
    out[i] = base[i] * 2 + 1
    total += out[i]
check("static", out, total)

out = [0] * n
total = 0
@par(schedule="static", chunk_size=1)
for i in range(n):
    out[i] = base[i] * 2 + 1
    total += base[i] * 2 + 1
check("static chunk 1", out, total)

out = [0] * n
total = 0
@par(schedule="static", chunk_size=3)
for i in range(n):
    out[i] = base[i] * 2 + 1
    total += base[i] * 2 + 1
check("static chunk 3", out, total)

out = [0] * n
total = 0
@par(schedule="dynamic")
for i in range(n):
    out[i] = base[i] * 2 + 1
    total += base[i] * 2 + 1
check("dynamic", out, total)

out = [0] * n
total = 0
@par(schedule="dynamic", chunk_size=1)
for i in range(n):
    out[i] = base[i] * 2 + 1
    total += base[i] * 2 + 1
check("dynamic chunk 1", out, total)

out = [0] * n
total = 0
for i in par(range(n), schedule="dynamic", chunk_size=3):
    out[i] = base[i] * 2 + 1
    total += base[i] * 2 + 1
check("dynamic chunk 3", out, total)

out = [0] * n
total = 0
for i in par(range(n), schedule="dynamic", chunk_size=1000):
    out[i] = base[i] * 2 + 1
    total += base[i] * 2 + 1
check("dynamic chunk 1000", out, total)

out = [0] * n
total = 0
@par(schedule="guided")
for i in range(n):
    out[i] = base[i] * 2 + 1
    total += base[i] * 2 + 1
check("guided", out, total)

out = [0] * n
total = 0
for i in par(range(n), schedule="guided", chunk_size=1):
    out[i] = base[i] * 2 + 1
    total += base[i] * 2 + 1
check("guided chunk 1", out, total)

out = [0] * n
total = 0
@par(schedule="guided", chunk_size=3, num_threads=4)
for i in range(n):
    out[i] = base[i] * 2 + 1
    total += base[i] * 2 + 1
check("guided chunk 3", out, total)

out = [0] * n
total = 0
@par(chunk_size=1000)
for i in range(n):
    out[i] = base[i] * 2 + 1
    total += base[i] * 2 + 1
check("default chunk 1000", out, total)

# uneven work per iteration: dynamic and guided hand out chunks as threads finish
work = [0] * 300
for sched_round in range(3):
    w = 0
    for i in par(range(300), schedule="dynamic", chunk_size=7):
        acc = 0
        for k in range(i * (i % 5)):
            acc += k % 3
        work[i] = acc
        w += acc
    g = 0
    for i in par(range(300), schedule="guided", chunk_size=2):
        acc2 = 0
        for k2 in range(i * (i % 5)):
            acc2 += k2 % 3
        g += acc2
    print(sched_round, w, g, work[299], work[150])
