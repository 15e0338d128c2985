# kiln: build
# Module-level variables read in functions, and rebound with the global statement.
counter = 0
total = 0.0
name = "start"
flag = False


def bump(by=1):
    global counter
    counter += by


def add_total(x):
    global total
    total = total + x


def rename(s):
    global name, flag
    name = s
    flag = not flag


def report():
    print("counter =", counter, "total =", total, "name =", name, "flag =", flag)


report()
for i in range(5):
    bump()
bump(10)
add_total(0.5)
add_total(2)
rename("middle")
report()
rename("end")
for i in range(100):
    bump(i)
report()


def reset():
    global counter
    counter = 0
    return counter


print(reset(), counter)
