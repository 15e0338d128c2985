# range over the whole 64-bit span with huge steps, break near the limits, range argument evaluation order
M = 9223372036854775807
m = -M - 1
for i in range(m, M):
    if i > m + 2:
        break
print(i)
for i in range(M, m, -1):
    if i < M - 2:
        break
print(i)
n = 0
for i in range(m, M, 3074457345618258602):
    n += 1
    print(i)
print(n)
for i in range(M, m, -3074457345618258603):
    print(i)
def p(x):
    print("p", x)
    return x
for i in range(p(1), p(10), p(4)):
    print(i)
for x in [p(1), p(2)]:
    print(x)
