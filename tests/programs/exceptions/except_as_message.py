# `except E as e`: str(e), print(e), e.args, repr(e) and f-strings of exception objects.


def parse_age(s):
    n = int(s)
    if n < 0:
        raise ValueError(f"age cannot be negative: {n}")
    if n > 150:
        raise ValueError("age too large")
    return n


for s in ["42", "-3", "200", "abc", "4.5", " 7 "]:
    try:
        print(s.strip(), "->", parse_age(s))
    except ValueError as e:
        print("error:", e)
        print("  str:", str(e))
        print("  args:", e.args, len(e.args))
        print("  repr:", repr(e))

try:
    raise RuntimeError("plain message")
except RuntimeError as e:
    msg = str(e)
    print(f"caught [{e}] of length {len(msg)}")

try:
    raise ValueError()
except ValueError as e:
    print("empty message:", repr(str(e)), e.args, repr(e))

try:
    raise TypeError("wrong type: " + str(3))
except TypeError as e:
    print(type(e).__name__, e)

try:
    raise KeyError("missing-key")
except KeyError as e:
    print("KeyError str:", str(e), "args[0]:", e.args[0], "repr:", repr(e))

errors = []
for s in ["1", "x", "2", "y", "z"]:
    try:
        parse_age(s)
    except ValueError as e:
        errors.append(str(e))
print(len(errors))
for m in errors:
    print(" ", m)
