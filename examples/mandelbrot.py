# Draw the Mandelbrot set in ASCII.
def escape_time(cr: float, ci: float, limit: int) -> int:
    zr = 0.0
    zi = 0.0
    n = 0
    while n < limit and zr * zr + zi * zi <= 4.0:
        zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
        n += 1
    return n


palette = [" ", ".", ",", "-", "~", ":", ";", "=", "!", "*", "#", "$", "@"]
width = 78
height = 32
limit = 500
for row in range(height):
    ci = 1.25 - 2.5 * row / (height - 1)
    line = ""
    for col in range(width):
        cr = -2.2 + 3.0 * col / (width - 1)
        n = escape_time(cr, ci, limit)
        if n == limit:
            line += "@"
        else:
            line += palette[n % (len(palette) - 1)]
    print(line)
