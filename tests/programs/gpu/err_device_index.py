# an out-of-range index into a device array
import gpu


@gpu.kernel
def gather(src, idx, dst):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    if i < len(idx):
        dst[i] = src[idx[i]]


src = gpu.to_device([10, 20, 30, 40])
dst = gpu.to_device([0] * 6)
gather(src, [3, 2, 1, 0, -1, -4], dst, grid=2, block=4)
print(dst.copy_to_host())
gather(src, [0, 1, 2, 3, 4, 0], dst, grid=2, block=4)
print("not reached")
