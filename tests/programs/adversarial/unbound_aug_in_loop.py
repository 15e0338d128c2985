# augmented assignment in a loop of a variable assigned only in an earlier branch: UnboundLocalError
def f(x):
    if x > 0:
        y = 1
    while x > 0:
        x -= 1
        y += 1
    return y
print(f(3))
print(f(0))
