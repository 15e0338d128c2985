# Conway's game of life on a torus, two device arrays swapped each generation
import gpu


@gpu.kernel
def life(w, h, src, dst):
    x = gpu.block.x * gpu.block.dim.x + gpu.thread.x
    y = gpu.block.y * gpu.block.dim.y + gpu.thread.y
    if x >= w or y >= h:
        return
    n = 0
    for dy in range(-1, 2):
        for dx in range(-1, 2):
            if dx == 0 and dy == 0:
                continue
            xx = (x + dx) % w
            yy = (y + dy) % h
            if src[yy * w + xx]:
                n += 1
    alive = src[y * w + x]
    dst[y * w + x] = n == 3 or (alive and n == 2)


w = 16
h = 12
cells = [False] * (w * h)
# a glider and a blinker
cells[0 * w + 1] = True
cells[1 * w + 2] = True
cells[2 * w + 0] = True
cells[2 * w + 1] = True
cells[2 * w + 2] = True
cells[8 * w + 10] = True
cells[8 * w + 11] = True
cells[8 * w + 12] = True
a = gpu.to_device(cells)
b = gpu.to_device(cells)
for gen in range(9):
    life(w, h, a, b, grid=((w + 7) // 8, (h + 7) // 8), block=(8, 8))
    a, b = b, a
r = a.copy_to_host()
for y in range(h):
    line = ""
    for x in range(w):
        line += "#" if r[y * w + x] else "."
    print(line)
alive = 0
for c in r:
    if c:
        alive += 1
print(alive)
