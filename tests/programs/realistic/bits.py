# Bit manipulation puzzles: popcount, parity, Gray code, bit reversal, next permutation of bits, subsets
def popcount(x):
    count = 0
    while x:
        x &= x - 1
        count += 1
    return count

def popcount_swar(x):
    x = x - ((x >> 1) & 0x5555555555555555)
    x = (x & 0x3333333333333333) + ((x >> 2) & 0x3333333333333333)
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0F
    return x % 255 if x % 255 or not x else 255

def parity(x):
    p = 0
    while x:
        p ^= x & 1
        x >>= 1
    return p

def gray(n):
    return n ^ (n >> 1)

def gray_inverse(g):
    n = g
    shift = 1
    while (g >> shift) > 0:
        n ^= g >> shift
        shift += 1
    return n

def reverse_bits(x, width=8):
    r = 0
    for _ in range(width):
        r = (r << 1) | (x & 1)
        x >>= 1
    return r

def next_same_popcount(v):
    t = v | (v - 1)
    w = (t + 1) | (((~t & -~t) - 1) >> (trailing_zeros(v) + 1))
    return w

def trailing_zeros(x):
    if x == 0:
        return 64
    n = 0
    while (x & 1) == 0:
        x >>= 1
        n += 1
    return n

def lowest_set(x):
    return x & -x

print(f"{'n':>3} {'bin':>8} {'gray':>8} {'inv':>4} {'pop':>3} {'par':>3} {'rev':>8}")
for n in range(16):
    g = gray(n)
    print(f"{n:>3} {n:>08b} {g:>08b} {gray_inverse(g):>4} {popcount(n):>3} {parity(n):>3} {reverse_bits(n):>08b}")

for x in [0, 1, 255, 0xDEADBEEF, 2 ** 62 + 1, 9223372036854775807, 0x5555]:
    print(f"{x:#x}: popcount {popcount(x)} swar {popcount_swar(x)} tz {trailing_zeros(x)} low {lowest_set(x)}")

v = 0b000111
seq = []
while v < 64:
    seq.append(v)
    v = next_same_popcount(v)
print("3-of-6 subsets:", len(seq), seq[0], seq[len(seq) - 1])

items = [3, 5, 9, 14, 20]
target = 28
for mask in range(1 << len(items)):
    s = 0
    for i in range(len(items)):
        if mask >> i & 1:
            s += items[i]
    if s == target:
        chosen = []
        for i in range(len(items)):
            if mask & (1 << i):
                chosen.append(items[i])
        print(f"mask {mask:05b} sums to {target}: {chosen}")
print(-17 >> 2, -17 & 0xFF, ~0, ~-1, -1 ^ 5, 1 << 62, (1 << 62) >> 61)
print(trailing_zeros(-8), reverse_bits(-1, 4), gray(-5))
print(100 // popcount(0b1011), 100 % popcount(0))
