# Exceptions on the hot path: a loop that calls a function inside `try` on every iteration.
# Almost every call returns normally; one in 1000 raises a ValueError that the loop catches.
# Measures what a `try` costs when nothing is raised. Optional size: iterations (default 3000000).
import sys


def parse_digit(k):
    if k % 1000 == 999:
        raise ValueError("bad digit " + str(k))
    return k % 10


def run(n):
    total = 0
    errors = 0
    for k in range(n):
        try:
            total += parse_digit(k)
        except ValueError:
            errors += 1
    return total, errors


n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000000
total, errors = run(n)
print("total", total, "errors", errors)
