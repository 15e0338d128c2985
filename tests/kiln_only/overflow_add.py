# kiln-only: int is 64-bit. MAX + 1 does not fit, so kiln raises OverflowError (exit 1) where
# CPython would print the bigint 9223372036854775808. The lines before the overflow are printed.
MAX = 9223372036854775807
print("max", MAX)
print("max - 1 + 1", MAX - 1 + 1)
y = MAX
for i in range(3):
    y = y - 1
print("y", y)
print("overflow next")
print(MAX + 1)
print("not reached")
