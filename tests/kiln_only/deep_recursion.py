# kiln-only: recursion 100000 deep is fine in kiln (native stack); CPython's default recursion
# limit (1000) would raise RecursionError here. Expected output: 100000, exit 0.
def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1


print(depth(100000))
print(depth(10) + depth(20))
