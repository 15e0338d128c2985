# a block of more than 1024 threads is rejected before the launch
import gpu


@gpu.kernel
def touch(out):
    out[gpu.block.x] = 1


out = [0] * 4
touch(out, grid=4, block=1024)
print(out)
touch(out, grid=4, block=(32, 32, 1))
print("1024 threads ok")
touch(out, grid=4, block=(16, 16, 8))
print("not reached")
