# range() with a zero step computed at run time: ValueError
def step():
    return 0
print("a")
for i in range(0, 5, step()):
    print(i)
