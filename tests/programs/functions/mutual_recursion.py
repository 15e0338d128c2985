# kiln: build
# Functions that call each other before and after their definition point.
def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


for n in [0, 1, 2, 7, 10, 99, 500]:
    print(n, is_even(n), is_odd(n))


def hofstadter_f(n):
    if n == 0:
        return 1
    return n - hofstadter_m(hofstadter_f(n - 1))


def hofstadter_m(n):
    if n == 0:
        return 0
    return n - hofstadter_f(hofstadter_m(n - 1))


line = ""
for n in range(25):
    line = line + str(hofstadter_f(n)) + " "
print("F:", line)
line = ""
for n in range(25):
    line = line + str(hofstadter_m(n)) + " "
print("M:", line)


def ping(n):
    if n <= 0:
        return "ping done"
    return pong(n - 1)


def pong(n):
    if n <= 0:
        return "pong done"
    return ping(n - 2)


print(ping(10), ping(11), pong(7))
