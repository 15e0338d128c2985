# if / elif / else chains, pass in every kind of block, and assert that holds.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"


for n in [-5, 0, 3, 42, 1000]:
    print(n, classify(n))


def nothing():
    pass


nothing()
for i in range(3):
    pass
if True:
    pass
else:
    print("no")
while False:
    pass
x = 5
if x > 3:
    if x > 4:
        if x > 5:
            print("> 5")
        else:
            print("exactly 5")
assert x == 5
assert x > 0, "x must be positive"
assert 1 < 2 < 3
print("asserts passed")
grade = 83
if grade >= 90:
    letter = "A"
elif grade >= 80:
    letter = "B"
elif grade >= 70:
    letter = "C"
else:
    letter = "F"
print("grade", letter)
