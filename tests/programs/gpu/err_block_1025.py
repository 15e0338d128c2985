# 1025 threads in a 1-D block
import gpu


@gpu.kernel
def touch(out):
    out[0] = 1


out = [0]
print("before")
touch(out, grid=1, block=1025)
print("not reached", out)
