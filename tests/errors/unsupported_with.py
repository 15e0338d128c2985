# `with` works for files only so far; other context managers are reported.
# expect: `with` only for `open
# at: 5
lock = 3
with lock:
    print("inside")
