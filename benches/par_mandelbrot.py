# Benchmark (parallel loops): escape-time Mandelbrot over a SIZE x SIZE grid of the region
# [-2.0, 0.5] x [-1.25, 1.25] with up to LIMIT iterations per point. A `@par` loop over the rows
# stores each row's iteration total into a list (rows near the middle cost more: dynamic
# schedule); the totals are then reduced sequentially to a checksum. Sized so that one thread
# takes about 2 s; compare with `python3 benches/run.py --threads 1,2 par_mandelbrot`.
SIZE = 2000
LIMIT = 500


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


def main():
    row_totals = [0] * SIZE
    @par(schedule="dynamic", chunk_size=4)
    for py in range(SIZE):
        ci = -1.25 + 2.5 * py / SIZE
        t = 0
        for px in range(SIZE):
            t += escape(-2.0 + 2.5 * px / SIZE, ci)
        row_totals[py] = t
    total = 0
    checksum = 0
    for py in range(SIZE):
        total += row_totals[py]
        checksum = (checksum * 31 + row_totals[py]) % 1000000007
    print("iterations", total)
    print("checksum", checksum)
    print("middle row", row_totals[SIZE // 2])


main()
