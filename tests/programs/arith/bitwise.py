# kiln: build
# Bitwise operators on 64-bit ints with Python semantics (two's complement, arithmetic right shift).
vals = [0, 1, 5, 12, 255, -1, -5, -256, 1234567, -1234567]
for a in vals:
    print(a, "~", ~a, "& 0xFF", a & 0xFF, "| 3", a | 3, "^ -1", a ^ -1, ">> 2", a >> 2, "<< 3", a << 3)
print(6 & 3, 6 | 3, 6 ^ 3, ~0, ~-1, -5 & 0xFF, 0xFF & -256, -1 ^ 0x0F)
print(1 << 62, 5 << 0, 5 >> 0, -1 >> 10, -1024 >> 3, -1025 >> 3, 1023 >> 3)
# shift counts of 64 and more are fine in Python: everything shifts out
print(1 >> 64, -5 >> 64, 12345 >> 200, -12345 >> 200, 0 << 70, 0 >> 70)
# popcount and bit tricks
def popcount(x):
    c = 0
    while x != 0:
        x = x & (x - 1)
        c += 1
    return c


for x in [0, 1, 7, 8, 255, 1023, 4096, 123456789, 9223372036854775807]:
    print("popcount", x, popcount(x), "lowest bit", x & -x, "is pow2", x != 0 and x & (x - 1) == 0)


def reverse_byte(b):
    r = 0
    for i in range(8):
        r = (r << 1) | ((b >> i) & 1)
    return r


for b in [1, 2, 3, 0x0F, 0xA5, 0x80, 0xFF]:
    print("reverse", b, reverse_byte(b))
# xor swap and parity
a = 12
b = 34
a = a ^ b
b = a ^ b
a = a ^ b
print("swapped", a, b)
mask = 0
for i in range(0, 64, 8):
    mask = mask | (1 << i) if i < 63 else mask
print(mask, mask >> 56, mask & 0xFFFF)
h = 2166136261
for c in range(20):
    h = (h ^ c) * 16777619 & 0xFFFFFFFF
print("fnv", h)
