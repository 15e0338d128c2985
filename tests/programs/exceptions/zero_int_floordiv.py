# kiln: build
# Uncaught ZeroDivisionError from int // 0 after some output: exit status 1, earlier output kept.
def ratio(a, b):
    return a // b


for d in [3, 2, 1, 0, -1]:
    print("100 //", d, "=", ratio(100, d))
print("not reached")
