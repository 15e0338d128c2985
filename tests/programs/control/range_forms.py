# range with one, two and three arguments, negative steps and empty ranges.
def show(label, start, stop, step):
    line = label + ":"
    for i in range(start, stop, step):
        line = line + " " + str(i)
    print(line)


for i in range(5):
    print(i, end=" ")
print()
for i in range(3, 8):
    print(i, end=" ")
print()
show("0..20 by 3", 0, 20, 3)
show("10..0 by -3", 10, 0, -3)
show("10..-1 by -1", 10, -1, -1)
show("-5..5 by 2", -5, 5, 2)
show("5..5", 5, 5, 1)
show("5..0 by 1", 5, 0, 1)
show("0..5 by -1", 0, 5, -1)
show("-1..-10 by -4", -1, -10, -4)
show("big step", 0, 100, 1000)
for i in range(0):
    print("never")
for i in range(-3):
    print("never")
n = 4
total = 0
for i in range(n * 2):
    total += i
print("sum", total)
# the loop variable keeps its last value after the loop
for last in range(7):
    pass
print("last", last)
# modifying the loop variable does not change the iteration
for i in range(4):
    print("i =", i, end=", ")
    i = 100
print()
# the bound is evaluated once
m = 3
for i in range(m):
    m += 1
    print("m =", m)
count = 0
for i in range(10, 1000000, 99991):
    count += 1
print("count", count)
