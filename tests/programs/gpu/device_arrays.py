# device arrays: copies made by to_device, len, passing to several kernels, copy_to_host
import gpu


@gpu.kernel
def add_const(x, c):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    if i < len(x):
        x[i] = x[i] + c


@gpu.kernel
def copy(src, dst):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    if i < len(src) and i < len(dst):
        dst[i] = src[i]


host = [i * 2 for i in range(20)]
d = gpu.to_device(host)
print(len(d), host[5])
add_const(d, 100, grid=1, block=32)
print(host[5], sum(host))
back = d.copy_to_host()
print(back[5], sum(back), len(back))
# device to list and list to device in one kernel
lst = [0] * 20
copy(d, lst, grid=4, block=5)
print(lst == back)
d2 = gpu.to_device([0] * 25)
copy(lst, d2, grid=1, block=25)
print(d2.copy_to_host())

# device arrays of each element type
df = gpu.to_device([0.5, 1.5, 2.5])
add_const(df, 0.25, grid=1, block=3)
print(df.copy_to_host())
d32 = gpu.to_device([float32(0.1), float32(0.2)])
add_const(d32, float32(0.3), grid=1, block=2)
print(d32.copy_to_host())
db = gpu.to_device([True, False])
dbo = gpu.to_device([False, False, False])
copy(db, dbo, grid=1, block=3)
print(dbo.copy_to_host(), len(dbo))

# an empty device array
de = gpu.to_device([0] * 0)
add_const(de, 1, grid=1, block=8)
print(len(de), de.copy_to_host())

# a device array kept across many launches
acc = gpu.to_device([0] * 8)
for k in range(10):
    add_const(acc, k, grid=2, block=4)
gpu.synchronize()
print(acc.copy_to_host())

# swapping variables holding device arrays
a = gpu.to_device([1, 1, 1])
b = gpu.to_device([2, 2, 2])
for k in range(3):
    copy(a, b, grid=1, block=3)
    add_const(b, 1, grid=1, block=3)
    a, b = b, a
print(a.copy_to_host(), b.copy_to_host())
