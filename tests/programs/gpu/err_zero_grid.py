# a grid dimension of 0 is rejected (nothing runs)
import gpu


@gpu.kernel
def touch(out):
    out[0] = out[0] + 1


out = [0]
touch(out, grid=(1, 1), block=(1, 1, 1))
print(out)
n = len(out) - 1
touch(out, grid=(4, n), block=8)
print("not reached", out)
