/* C twin of benches/nbody.py: same data layout (arrays per coordinate), same operation order,
   so the printed energies are bit-for-bit the same. */
#include <math.h>
#include <stdio.h>

#define STEPS 4000000
#define N 5

static const double PI = 3.141592653589793;
static const double DAYS_PER_YEAR = 365.24;

static double x[N] = {0.0, 4.84143144246472090e+00, 8.34336671824457987e+00, 1.28943695621391310e+01,
                      1.53796971148509165e+01};
static double y[N] = {0.0, -1.16032004402742839e+00, 4.12479856412430479e+00, -1.51111514016986312e+01,
                      -2.59193146099879641e+01};
static double z[N] = {0.0, -1.03622044471123109e-01, -4.03523417114321381e-01, -2.23307578892655734e-01,
                      1.79258772950371181e-01};
static double vx[N] = {0.0, 1.66007664274403694e-03, -2.76742510726862411e-03, 2.96460137564761618e-03,
                       2.68067772490389322e-03};
static double vy[N] = {0.0, 7.69901118419740425e-03, 4.99852801234917238e-03, 2.37847173959480950e-03,
                       1.62824170038242295e-03};
static double vz[N] = {0.0, -6.90460016972063023e-05, 2.30417297573763929e-05, -2.96589568540237556e-05,
                       -9.51592254519715870e-05};
static double mass[N] = {1.0, 9.54791938424326609e-04, 2.85885980666130812e-04, 4.36624404335156298e-05,
                         5.15138902046611451e-05};

static void init(double solar_mass) {
    for (int i = 0; i < N; i++) {
        vx[i] = vx[i] * DAYS_PER_YEAR;
        vy[i] = vy[i] * DAYS_PER_YEAR;
        vz[i] = vz[i] * DAYS_PER_YEAR;
        mass[i] = mass[i] * solar_mass;
    }
    double px = 0.0, py = 0.0, pz = 0.0;
    for (int i = 0; i < N; i++) {
        px += vx[i] * mass[i];
        py += vy[i] * mass[i];
        pz += vz[i] * mass[i];
    }
    vx[0] = -px / solar_mass;
    vy[0] = -py / solar_mass;
    vz[0] = -pz / solar_mass;
}

static double energy(void) {
    double e = 0.0;
    for (int i = 0; i < N; i++) {
        e += 0.5 * mass[i] * (vx[i] * vx[i] + vy[i] * vy[i] + vz[i] * vz[i]);
        for (int j = i + 1; j < N; j++) {
            double dx = x[i] - x[j];
            double dy = y[i] - y[j];
            double dz = z[i] - z[j];
            e -= mass[i] * mass[j] / sqrt(dx * dx + dy * dy + dz * dz);
        }
    }
    return e;
}

static void advance(double dt, long steps) {
    for (long s = 0; s < steps; s++) {
        for (int i = 0; i < N; i++) {
            for (int j = i + 1; j < N; j++) {
                double dx = x[i] - x[j];
                double dy = y[i] - y[j];
                double dz = z[i] - z[j];
                double d2 = dx * dx + dy * dy + dz * dz;
                double mag = dt / (d2 * sqrt(d2));
                double mj = mass[j] * mag;
                double mi = mass[i] * mag;
                vx[i] -= dx * mj;
                vy[i] -= dy * mj;
                vz[i] -= dz * mj;
                vx[j] += dx * mi;
                vy[j] += dy * mi;
                vz[j] += dz * mi;
            }
        }
        for (int i = 0; i < N; i++) {
            x[i] += dt * vx[i];
            y[i] += dt * vy[i];
            z[i] += dt * vz[i];
        }
    }
}

int main(void) {
    double solar_mass = 4 * PI * PI;
    init(solar_mass);
    printf("%.9f\n", energy());
    advance(0.01, STEPS);
    printf("%.9f\n", energy());
    return 0;
}
