# both spellings of a parallel loop: @par / @par(...), `from kiln import par` + par(...), `import kiln` + kiln.par(...)
from kiln import par
import kiln

n = 200
a = [0] * n
b = [0] * n
c = [0] * n
d = [0] * n

@par
for i in range(n):
    a[i] = i * 7 % 13

for i in par(range(n)):
    b[i] = i * 7 % 13

for i in kiln.par(range(n), schedule="dynamic", chunk_size=8):
    c[i] = i * 7 % 13

for i in kiln.par(range(n), schedule="guided", num_threads=2):
    d[i] = i * 7 % 13

same = True
for i in range(n):
    if a[i] != b[i] or b[i] != c[i] or c[i] != d[i]:
        same = False
print("all four agree:", same)

sa = 0
sb = 0
for k in par(range(n), num_threads=3):
    sa += a[k]
@par(num_threads=3)
for k in range(n):
    sb += b[k]
print(sa, sb)

# par over a list, both spellings of the call
xs = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9]
t1 = 0
t2 = 0
for x in par(xs):
    t1 += x * x
for x in kiln.par(xs, schedule="dynamic"):
    t2 += x * x
print(t1, t2)
