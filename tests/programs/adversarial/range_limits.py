# kiln: build
# range with negative/large steps, zero-trip loops, bounds at the 64-bit limits, loop variable after the loop
for i in range(10, 0, -3):
    print(i, end=" ")
print()
print(i)
for i in range(5, 5):
    print("no")
print(i)
for i in range(0, 10, 100):
    print("big step", i)
for i in range(-5, -20, -7):
    print(i)
M = 9223372036854775807
m = -9223372036854775807 - 1
for i in range(M - 3, M):
    print(i)
for i in range(m + 3, m, -1):
    print(i)
for i in range(M - 10, M, 4):
    print("s4", i)
for i in range(m, m + 2):
    print(i)
for i in range(0, M, M // 2):
    print("half", i)
for i in range(M, m, -M):
    print("neg", i)
for i in range(m, M, M):
    print("pos", i)
c = 0
for i in range(3):
    i = i * 10
    c += i
print(c, i)
