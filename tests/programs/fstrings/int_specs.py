# kiln: build
# Format specs for ints: d, x, b, width, fill, alignment, sign, zero padding and thousands.
for n in [0, 7, -7, 255, -255, 65535, 1234567, -1234567, 9223372036854775807]:
    print(f"[{n}] [{n:d}] [{n:8d}] [{n:<8d}] [{n:^8d}] [{n:>8}] [{n:+d}] [{n:,}] [{n:x}] [{n:b}]")
for n in [0, 5, -5, 42]:
    print(f"[{n:05d}] [{n:0>5}] [{n:*^7}] [{n:_<6}] [{n:+5d}] [{n:=+6d}] [{n:08b}] [{n:4x}]")
for n in [999, 1000, -1000, 1000000, 123456789012]:
    print(f"{n:,d} {n:>16,} {n:<16,}| {n:^+16,}|")
w = 255
print(f"hex {w:x} bin {w:b} both {w:x}/{w:b} dec {w}")
print(f"{3:f} {3:.2f} {-3:e} {12345:g} {7:.3f}")
