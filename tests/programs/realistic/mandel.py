# Mandelbrot and Julia sets rendered as ASCII art with escape-time shading
import math

SHADES = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]
MAX_ITER = 60

def escape(cr, ci, zr=0.0, zi=0.0, limit=MAX_ITER):
    for n in range(limit):
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return n
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
    return limit

def shade(n, limit=MAX_ITER):
    if n >= limit:
        return SHADES[len(SHADES) - 1]
    return SHADES[n * (len(SHADES) - 1) // limit]

def mandelbrot(w, h, x0, x1, y0, y1):
    inside = 0
    for row in range(h):
        y = y0 + (y1 - y0) * row / (h - 1)
        line = ""
        for col in range(w):
            x = x0 + (x1 - x0) * col / (w - 1)
            n = escape(x, y)
            if n == MAX_ITER:
                inside += 1
            line += shade(n)
        print(line)
    return inside

def julia(w, h, cr, ci):
    count = 0
    for row in range(h):
        y = -1.2 + 2.4 * row / (h - 1)
        line = ""
        for col in range(w):
            x = -1.6 + 3.2 * col / (w - 1)
            n = escape(cr, ci, x, y)
            count += n
            line += shade(n)
        print(line)
    return count

W = 70
H = 24
inside = mandelbrot(W, H, -2.2, 0.8, -1.2, 1.2)
area = 3.0 * 2.4 * inside / (W * H)
print(f"points inside: {inside}, estimated area {area:.4f} (true ~1.5066)")
print()
total = julia(W, 20, -0.8, 0.156)
print(f"julia total iterations: {total:,}")
for angle in range(0, 360, 45):
    r = 0.7885
    cr = r * math.cos((angle * math.pi / 180))
    ci = r * math.sin((angle * math.pi / 180))
    print(f"c = {cr:+.4f}{ci:+.4f}i  escape(0) = {escape(cr, ci)}")
print(escape(0.25, 0.0, limit=1000), escape(0.2501, 0.0, limit=100000))
