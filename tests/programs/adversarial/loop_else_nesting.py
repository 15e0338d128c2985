# nested for/while else with break/continue, return from inside loop else, loop variables after loops
for i in range(3):
    for j in range(3):
        if j == 1:
            continue
        if i == 2 and j == 2:
            break
    else:
        print("inner else", i)
        continue
    print("broke inner at", i, j)
    break
else:
    print("outer else")
print(i, j)
n = 0
while n < 5:
    n += 1
    if n == 10:
        break
else:
    print("while else", n)
while False:
    pass
else:
    print("empty while else")
for k in []:
    print("never")
else:
    print("empty for else")
for k in range(10):
    if k % 2:
        continue
    if k > 6:
        break
    print("k", k)
else:
    print("no")
print(k)
def f():
    for i in range(5):
        while True:
            if i == 3:
                return i * 10
            break
        else:
            return -1
    else:
        return -2
print(f())
