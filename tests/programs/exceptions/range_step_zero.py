# ValueError: range() arg 3 must not be zero.
step = 2
for s in range(3):
    print("step", step)
    for i in range(0, 6, step):
        print(" ", i)
    step -= 1
