# histograms with gpu.atomic.add on an int array: the counts do not depend on the order
import gpu


@gpu.kernel
def histogram(data, bins, nbins):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    if i < len(data):
        b = data[i] % nbins
        gpu.atomic.add(bins, b, 1)


@gpu.kernel
def weighted(data, weights, bins):
    i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    if i < len(data):
        gpu.atomic.add(bins, data[i] // 10, weights[i])


n = 5000
data = [(i * i * 31 + i * 7) % 1009 for i in range(n)]
for nbins in [1, 2, 7, 16, 100]:
    bins = [0] * nbins
    histogram(data, bins, nbins, grid=(n + 127) // 128, block=128)
    ref = [0] * nbins
    for v in data:
        ref[v % nbins] += 1
    print(nbins, sum(bins), bins == ref, bins[0], bins[nbins - 1])

small = [0] * 16
histogram(data, small, 16, grid=(n + 127) // 128, block=128)
print(small)

vals = [(i * 13) % 100 for i in range(300)]
ws = [i % 7 - 2 for i in range(300)]
wb = [0] * 10
weighted(vals, ws, wb, grid=3, block=100)
print(wb, sum(wb), sum(ws))

# a launch twice accumulates
histogram(data, small, 16, grid=(n + 127) // 128, block=128)
print(sum(small), small[0])
