# a kernel is launched with grid= and block=; calling it like a function is a TypeError
import gpu


@gpu.kernel
def touch(out):
    out[0] = 1


out = [0]
touch(out, grid=1, block=1)
print(out)
touch(out)
print("not reached")
