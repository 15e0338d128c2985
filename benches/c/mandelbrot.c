/* C twin of benches/mandelbrot.py. */
#include <stdio.h>

#define SIZE 1600
#define LIMIT 200

static long escape(double cr, double ci) {
    double zr = 0.0, zi = 0.0;
    long n = 0;
    while (n < LIMIT) {
        double zr2 = zr * zr;
        double zi2 = zi * zi;
        if (zr2 + zi2 > 4.0)
            break;
        zi = 2.0 * zr * zi + ci;
        zr = zr2 - zi2 + cr;
        n += 1;
    }
    return n;
}

int main(void) {
    long inside = 0, total = 0;
    for (long py = 0; py < SIZE; py++) {
        double ci = -1.25 + 2.5 * py / SIZE;
        for (long px = 0; px < SIZE; px++) {
            double cr = -2.0 + 2.5 * px / SIZE;
            long n = escape(cr, ci);
            total += n;
            if (n == LIMIT)
                inside += 1;
        }
    }
    printf("inside %ld\n", inside);
    printf("iterations %ld\n", total);
    return 0;
}
