# A kernel is launched with grid= and block= (CPython raises TypeError when they are missing).
# expect: is launched with `grid=` and `block=`
# at: 15
import gpu


@gpu.kernel
def touch(out):
    out[0] = 1


out = [0]
touch(out, grid=1, block=1)
print(out)
touch(out)
print("not reached")
