# break would leave a parallel loop.
# expect: break
# expect: parallel loop
# at: 10
data = [4, 8, 15, 16, 23, 42]
found = 0
@par
for i in range(len(data)):
    if data[i] > 15:
        break
    found += 1
print(found)
