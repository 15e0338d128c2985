# Base conversion by hand: to/from bases 2..36, digit sums, palindromes in several bases
DIGITS = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f",
          "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v",
          "w", "x", "y", "z"]

def to_digits(n, base):
    if base < 2 or base > 36:
        raise ValueError(f"base must be in 2..36, not {base}")
    if n == 0:
        return [0]
    out = []
    while n > 0:
        out.append(n % base)
        n //= base
    rev = []
    for i in range(len(out) - 1, -1, -1):
        rev.append(out[i])
    return rev

def to_base(n, base):
    neg = n < 0
    if neg:
        n = -n
    s = "-" if neg else ""
    for d in to_digits(n, base):
        s += DIGITS[d]
    return s

def from_digits(ds, base):
    v = 0
    for d in ds:
        if d >= base:
            raise ValueError("digit " + str(d) + " too large for base " + str(base))
        v = v * base + d
    return v

def is_palindrome(ds):
    i = 0
    j = len(ds) - 1
    while i < j:
        if ds[i] != ds[j]:
            return False
        i += 1
        j -= 1
    return True

def digit_sum(n, base=10):
    s = 0
    for d in to_digits(n, base):
        s += d
    return s

for n in [0, 5, 255, 1000, 65535, 123456789, -42, 9223372036854775807]:
    print(f"{n:>20} b2={to_base(n, 2)}")
    print(f"{'':>20} b8={to_base(n, 8)} b16={to_base(n, 16)} b36={to_base(n, 36)}")
    print(f"{'':>20} check {n:b} {n:o} {n:x} {n:#X}")

print("round trips:", from_digits(to_digits(987654321, 7), 7), from_digits(to_digits(2 ** 62, 3), 3) == 2 ** 62)
found = []
for n in range(1, 1000):
    if is_palindrome(to_digits(n, 2)) and is_palindrome(to_digits(n, 10)):
        found.append(n)
print("double-base palindromes:", found)
for b in range(2, 11):
    print(f"digit sum of 10**15 - 1 in base {b:>2}: {digit_sum(10 ** 15 - 1, b):>4}")
harshad = 0
for n in range(1, 500):
    if n % digit_sum(n) == 0:
        harshad += 1
print("harshad numbers below 500:", harshad)
print(from_digits([1, 2, 3], 3))
