# kiln-only: a left shift whose exact result needs more than 64 bits overflows.
# 1 << 62 fits; 1 << 63 is 2**63, which does not.
for s in range(60, 65):
    print("1 <<", s, "=", 1 << s)
