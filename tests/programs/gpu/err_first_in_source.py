# several threads fail at different places: the report is the check that comes first in the
# kernel's source, whatever the threads' order
import gpu


@gpu.kernel
def two_errors(x, out):
    i = gpu.thread.x
    v = x[i]
    if i == 3:
        v = x[i + 100]
    out[i] = 10 // v


x = [1, 2, 0, 4, 5]
out = [0] * 5
print("before")
two_errors(x, out, grid=1, block=5)
print("not reached")
