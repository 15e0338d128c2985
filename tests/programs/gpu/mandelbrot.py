# Mandelbrot iteration counts on a 2-D grid (pixel coordinates exact in binary)
import gpu


@gpu.kernel
def mandel(w, h, max_iter, out):
    px = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    py = gpu.block.y * gpu.block.dim.y + gpu.thread.y
    if px >= w or py >= h:
        return
    cx = -2.0 + px * 0.0625
    cy = -1.125 + py * 0.125
    x = 0.0
    y = 0.0
    n = 0
    while n < max_iter and x * x + y * y <= 4.0:
        xt = x * x - y * y + cx
        y = 2.0 * x * y + cy
        x = xt
        n += 1
    out[py * w + px] = n


w = 48
h = 19
out = [0] * (w * h)
mandel(w, h, 50, out, grid=((w + 15) // 16, (h + 7) // 8), block=(16, 8))
chars = " .:-=+*#%@"
for r in range(h):
    line = ""
    for c in range(w):
        n = out[r * w + c]
        line += "@" if n == 50 else chars[n % 9]
    print(line)
print(sum(out))
