# kiln-only: fib(92) = 7540113804746346429 is the last Fibonacci number below 2**63;
# the loop computes one number ahead, so it prints fib(0) .. fib(91) and then fails computing
# fib(93) = 12200160415121876738, which overflows: OverflowError, exit 1.
a = 0
b = 1
for i in range(100):
    print(i, a)
    a, b = b, a + b
