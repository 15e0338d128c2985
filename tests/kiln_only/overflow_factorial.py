# kiln-only: 20! = 2432902008176640000 is the largest factorial that fits in 64 bits; computing 21!
# multiplies past 2**63 - 1, so kiln raises OverflowError after printing 1! .. 20!.
acc = 1
for i in range(1, 30):
    acc = acc * i
    print(i, acc)
