# Benchmark: escape-time Mandelbrot over a SIZE x SIZE grid of the region
# [-2.0, 0.5] x [-1.25, 1.25] with up to LIMIT iterations per point; prints the number of points
# inside the set and the total iteration count.
SIZE = 1600
LIMIT = 200


def escape(cr: float, ci: float) -> int:
    zr = 0.0
    zi = 0.0
    n = 0
    while n < LIMIT:
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            break
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
        n += 1
    return n


def run():
    inside = 0
    total = 0
    for py in range(SIZE):
        ci = -1.25 + 2.5 * py / SIZE
        for px in range(SIZE):
            cr = -2.0 + 2.5 * px / SIZE
            n = escape(cr, ci)
            total += n
            if n == LIMIT:
                inside += 1
    print("inside", inside)
    print("iterations", total)


run()
