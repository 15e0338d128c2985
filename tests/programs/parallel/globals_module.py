# module-level parallel loops over globals, functions reading globals from the body, a reduction into a `global` inside a function
from kiln import par

SCALE = 3
OFFSETS = [5, -2, 9, 0, 4]
table = [0] * 100


def f(i):
    # reads globals only
    return i * SCALE + OFFSETS[i % len(OFFSETS)]


@par
for i in range(100):
    table[i] = f(i)
print(table[0], table[1], table[99])

total = 0
@par(schedule="dynamic", chunk_size=9)
for i in range(100):
    total += table[i]
print(total)

counter = 0


def add_range(n):
    global counter
    @par(schedule="guided")
    for i in range(n):
        counter += i
    return counter


for n in [10, 100, 0, 1]:
    print(n, add_range(n))
print(counter)

# a module-level parallel loop inside module-level sequential loops
acc = 0
for rep in range(5):
    for half in range(2):
        @par(num_threads=2)
        for i in range(rep * 10 + half):
            acc += f(i) * (rep + 1)
    SCALE += 1
print(acc, SCALE)

mx = -1
for i in par(range(100)):
    mx = max(mx, table[i] % 37)
print(mx)
