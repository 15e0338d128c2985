# AssertionError without a message.
def check(n):
    assert n % 2 == 0
    print(n, "is even")


for n in [2, 4, 6, 7, 8]:
    check(n)
