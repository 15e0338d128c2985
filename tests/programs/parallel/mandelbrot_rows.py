# compute-bound: Mandelbrot escape counts computed one row per iteration into a list of rows, printed as ASCII with checksums
from kiln import par

W = 72
H = 32
LIMIT = 300


def escape(cr, ci):
    zr = 0.0
    zi = 0.0
    k = 0
    while k < LIMIT and zr * zr + zi * zi <= 4.0:
        t = zr * zr - zi * zi + cr
        zi = 2.0 * zr * zi + ci
        zr = t
        k += 1
    return k


def shade(k):
    if k == LIMIT:
        return "@"
    if k > 20:
        return "%"
    if k > 8:
        return "+"
    if k > 4:
        return ":"
    if k > 2:
        return "."
    return " "


rows = []
for y in range(H):
    rows.append([0] * W)
inside = 0
@par(schedule="dynamic", chunk_size=1)
for y in range(H):
    ci = (y - H / 2) * 2.4 / H
    for x in range(W):
        rows[y][x] = escape((x - W * 0.65) * 3.2 / W, ci)
    inside += 1 if rows[y][W // 2] == LIMIT else 0

for y in range(H):
    line = ""
    for x in range(W):
        line += shade(rows[y][x])
    print(line)
print("rows with the centre column inside:", inside)

# a bigger image, reduced to per-row iteration totals, in a function, static schedule
def totals(w, h, limit_rows):
    per_row = [0] * h
    points_inside = 0
    for y in par(range(h), num_threads=4):
        s = 0
        for x in range(w):
            k = escape(-2.2 + x * 3.0 / w, -1.3 + y * 2.6 / h)
            s += k
            points_inside += 1 if k == LIMIT else 0
        per_row[y] = s
    check = 0
    for y in range(h):
        check = (check * 31 + per_row[y]) % 1000000007
    out = []
    for y in range(limit_rows):
        out.append(per_row[y * h // limit_rows])
    return str(points_inside) + " " + str(check) + " " + str(out)


print(totals(300, 200, 10))
print(totals(7, 3, 3))
