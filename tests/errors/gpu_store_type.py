# CPython would store the int unconverted into the float list.
# expect: cannot store int into an array of float
# at: 9
import gpu


@gpu.kernel
def k(out):
    out[gpu.thread.x] = 1


xs = [0.0, 0.0]
k(xs, grid=1, block=2)
