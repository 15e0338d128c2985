# num_threads = 1, 2, 3, 4, 8 on ranges of 0, 1, 2, 3, 5, 64 and 1001 iterations (fewer iterations than threads)
from kiln import par


def run(count, threads):
    out = [-1] * count
    s = 0
    m = -1
    if threads == 1:
        for i in par(range(count), num_threads=1):
            out[i] = i * i % 17
            s += i
            m = max(m, i * i % 17)
    elif threads == 2:
        @par(num_threads=2)
        for i in range(count):
            out[i] = i * i % 17
            s += i
            m = max(m, i * i % 17)
    elif threads == 3:
        for i in par(range(count), num_threads=3, schedule="dynamic"):
            out[i] = i * i % 17
            s += i
            m = max(m, i * i % 17)
    elif threads == 4:
        @par(num_threads=4, schedule="guided")
        for i in range(count):
            out[i] = i * i % 17
            s += i
            m = max(m, i * i % 17)
    else:
        @par(num_threads=8, chunk_size=1)
        for i in range(count):
            out[i] = i * i % 17
            s += i
            m = max(m, i * i % 17)
    check = 0
    for v in out:
        check = check * 31 % 1000003 + v
    return str(s) + " " + str(m) + " " + str(check)


for count in [0, 1, 2, 3, 5, 64, 1001]:
    line = f"{count:>5}:"
    for threads in [1, 2, 3, 4, 8]:
        line += " " + run(count, threads)
    print(line)
