# kiln: build
# raise of a builtin exception with a string message.
def parse_digit(d):
    if d < 0 or d > 9:
        raise ValueError("digit out of range")
    return d


total = 0
for d in [1, 2, 3, 12, 4]:
    total = total * 10 + parse_digit(d)
    print("total", total)
