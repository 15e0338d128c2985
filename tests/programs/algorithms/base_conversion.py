# Converting ints to other bases by hand, compared with f-string x and b formats.
digits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f",
          "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v",
          "w", "x", "y", "z"]


def to_base(n, base):
    if n == 0:
        return "0"
    neg = n < 0
    if neg:
        n = -n
    out = ""
    while n > 0:
        out = digits[n % base] + out
        n //= base
    if neg:
        out = "-" + out
    return out


for n in [0, 1, 10, 255, 256, -255, 1000000, 9223372036854775807]:
    print(n, to_base(n, 2), to_base(n, 16), to_base(n, 36), to_base(n, 7))
    print("   matches f-string:", to_base(n, 2) == f"{n:b}", to_base(n, 16) == f"{n:x}")


def from_digits(ds, base):
    v = 0
    for d in ds:
        v = v * base + d
    return v


print(from_digits([1, 0, 1, 1], 2), from_digits([15, 15], 16), from_digits([3, 5, 9, 9], 10))
