"""Regenerates divmod.txt: Python's `//` and `%` on the 64-bit edge and sign cases.

The operand list must match DIVMOD_VALUES in ../jit.rs. Pairs whose quotient does not fit in
64 bits (MIN // -1) and zero divisors are skipped (they raise; tested separately).
"""

MIN, MAX = -2**63, 2**63 - 1
VALUES = [MIN, MIN + 1, -1000000007, -7, -3, -2, -1, 0, 1, 2, 3, 7, 1000000007, MAX - 1, MAX]

with open("divmod.txt", "w") as out:
    for a in VALUES:
        for b in VALUES:
            if b == 0 or (a == MIN and b == -1):
                continue
            q, r = a // b, a % b
            assert MIN <= q <= MAX and MIN <= r <= MAX
            out.write(f"{a} {b} {q} {r}\n")
