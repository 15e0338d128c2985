# kiln: build
# An ASCII rendering of the Mandelbrot set.
shades = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]


def escape(cr, ci, limit):
    zr = 0.0
    zi = 0.0
    n = 0
    while n < limit and zr * zr + zi * zi <= 4.0:
        t = zr * zr - zi * zi + cr
        zi = 2.0 * zr * zi + ci
        zr = t
        n += 1
    return n


W = 72
H = 28
LIMIT = 200
inside = 0
for row in range(H):
    ci = -1.2 + 2.4 * row / (H - 1)
    line = ""
    for col in range(W):
        cr = -2.1 + 2.8 * col / (W - 1)
        n = escape(cr, ci, LIMIT)
        if n == LIMIT:
            line = line + "@"
            inside += 1
        else:
            line = line + shades[n % 9]
    print(line)
print("points inside:", inside)
