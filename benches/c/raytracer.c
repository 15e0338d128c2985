/* C twin of benchmarks/raytracer.py: the same scene, the same floating-point operations in the
   same order, and byte-identical output (a P2 PGM image).
   Build: gcc -O2 -ffp-contract=off -o raytracer raytracer.c -lm
   Run:   ./raytracer [width]   (default 48)
   -ffp-contract=off keeps the compiler from fusing a*b+c into one FMA instruction (which rounds
   once instead of twice) on targets that have FMA; CPython never fuses. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct { double x, y, z; } Vec3;

static Vec3 v3(double x, double y, double z) { Vec3 v = {x, y, z}; return v; }
static Vec3 add(Vec3 a, Vec3 b) { return v3(a.x + b.x, a.y + b.y, a.z + b.z); }
static Vec3 sub(Vec3 a, Vec3 b) { return v3(a.x - b.x, a.y - b.y, a.z - b.z); }
static Vec3 mul(Vec3 a, double k) { return v3(a.x * k, a.y * k, a.z * k); }
static Vec3 neg(Vec3 a) { return v3(-a.x, -a.y, -a.z); }
static double dot(Vec3 a, Vec3 b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
static Vec3 cross(Vec3 a, Vec3 b) {
    return v3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x);
}
static double length(Vec3 a) { return sqrt(dot(a, a)); }
static Vec3 normalized(Vec3 a) { return mul(a, 1.0 / length(a)); }

typedef struct { Vec3 origin, direction; } Ray;

typedef struct {
    double albedo, diffuse, specular;
    int shininess;
    double reflect;
} Material;

enum { SPHERE, PLANE };

typedef struct {
    int kind;
    Material material;
    Vec3 center;      /* sphere */
    double radius;    /* sphere */
    double height;    /* plane */
    double dark;      /* plane */
} Thing;

typedef struct { Vec3 position; double intensity; } Light;

#define MAX_THINGS 8
#define MAX_LIGHTS 2

typedef struct {
    Thing things[MAX_THINGS];
    int nthings;
    Light lights[MAX_LIGHTS];
    int nlights;
    double ambient;
    int max_depth;
    long rays;
} Scene;

static double intersect(const Thing *t, Ray ray) {
    if (t->kind == SPHERE) {
        Vec3 oc = sub(ray.origin, t->center);
        double b = dot(oc, ray.direction);
        double c = dot(oc, oc) - t->radius * t->radius;
        double disc = b * b - c;
        if (disc < 0.0) return -1.0;
        double sq = sqrt(disc);
        double tt = -b - sq;
        if (tt > 1e-6) return tt;
        tt = -b + sq;
        if (tt > 1e-6) return tt;
        return -1.0;
    } else {
        double dy = ray.direction.y;
        if (-1e-9 < dy && dy < 1e-9) return -1.0;
        double tt = (t->height - ray.origin.y) / dy;
        if (tt > 1e-6) return tt;
        return -1.0;
    }
}

static Vec3 normal_at(const Thing *t, Vec3 p) {
    if (t->kind == SPHERE) return normalized(sub(p, t->center));
    return v3(0.0, 1.0, 0.0);
}

static double albedo_at(const Thing *t, Vec3 p) {
    if (t->kind == PLANE) {
        long fx = (long)floor(p.x);
        long fz = (long)floor(p.z);
        if (((fx + fz) & 1) == 0) return t->material.albedo;
        return t->dark;
    }
    return t->material.albedo;
}

/* returns the index of the closest thing, or -1; *t_out gets its distance */
static int closest(Scene *s, Ray ray, double *t_out) {
    s->rays += 1;
    int best = -1;
    double best_t = 0.0;
    for (int i = 0; i < s->nthings; i++) {
        double t = intersect(&s->things[i], ray);
        if (t > 0.0 && (best < 0 || t < best_t)) {
            best = i;
            best_t = t;
        }
    }
    *t_out = best_t;
    return best;
}

static int shadowed(Scene *s, Vec3 p, const Light *light) {
    Vec3 to_light = sub(light->position, p);
    double dist = length(to_light);
    Ray ray = {p, mul(to_light, 1.0 / dist)};
    double t;
    int hit = closest(s, ray, &t);
    return hit >= 0 && t < dist;
}

static double trace(Scene *s, Ray ray, int depth) {
    double t;
    int hi = closest(s, ray, &t);
    if (hi < 0) {
        double y = ray.direction.y > 0.0 ? ray.direction.y : 0.0;
        return 0.25 + 0.35 * y;
    }
    const Thing *thing = &s->things[hi];
    const Material *m = &thing->material;
    Vec3 p = add(ray.origin, mul(ray.direction, t));
    Vec3 n = normal_at(thing, p);
    if (dot(n, ray.direction) > 0.0) n = neg(n);
    p = add(p, mul(n, 1e-4));
    double albedo = albedo_at(thing, p);
    double color = s->ambient * albedo;
    for (int li = 0; li < s->nlights; li++) {
        const Light *light = &s->lights[li];
        if (shadowed(s, p, light)) continue;
        Vec3 l = normalized(sub(light->position, p));
        double lambert = dot(n, l);
        if (lambert > 0.0) color += m->diffuse * lambert * albedo * light->intensity;
        Vec3 h = normalized(sub(l, ray.direction));
        double spec = dot(n, h);
        if (spec > 0.0) {
            double sp = 1.0;
            for (int k = 0; k < m->shininess; k++) sp *= spec;
            color += m->specular * sp * light->intensity;
        }
    }
    if (m->reflect > 0.0 && depth < s->max_depth) {
        Vec3 d = ray.direction;
        Vec3 r = sub(d, mul(n, 2.0 * dot(d, n)));
        Ray rr = {p, normalized(r)};
        color = color * (1.0 - m->reflect) + m->reflect * trace(s, rr, depth + 1);
    }
    return color;
}

typedef struct {
    Vec3 eye, forward, right, up;
    int width, height;
    double scale, aspect;
} Camera;

static Camera make_camera(Vec3 eye, Vec3 target, Vec3 up, double fov, int width, int height) {
    Camera c;
    c.eye = eye;
    c.forward = normalized(sub(target, eye));
    c.right = normalized(cross(c.forward, up));
    c.up = cross(c.right, c.forward);
    c.width = width;
    c.height = height;
    c.scale = tan(fov * M_PI / 360.0);
    c.aspect = (double)width / (double)height;
    return c;
}

static Ray camera_ray(const Camera *c, double px, double py) {
    double sx = (2.0 * px / c->width - 1.0) * c->scale * c->aspect;
    double sy = (1.0 - 2.0 * py / c->height) * c->scale;
    Vec3 d = add(add(c->forward, mul(c->right, sx)), mul(c->up, sy));
    Ray r = {c->eye, normalized(d)};
    return r;
}

static Material material(double albedo, double diffuse, double specular, int shininess, double reflect) {
    Material m = {albedo, diffuse, specular, shininess, reflect};
    return m;
}

static void add_sphere(Scene *s, Vec3 center, double radius, Material m) {
    Thing *t = &s->things[s->nthings++];
    t->kind = SPHERE;
    t->material = m;
    t->center = center;
    t->radius = radius;
    t->height = 0.0;
    t->dark = 0.0;
}

static void build_scene(Scene *s) {
    s->nthings = 0;
    s->nlights = 0;
    s->ambient = 0.12;
    s->max_depth = 3;
    s->rays = 0;
    Material shiny = material(0.9, 0.8, 0.6, 32, 0.35);
    Material matte = material(0.7, 0.9, 0.1, 4, 0.0);
    Material mirror = material(0.95, 0.3, 0.9, 64, 0.8);
    Material floor_m = material(0.8, 0.8, 0.0, 1, 0.15);
    Thing *pl = &s->things[s->nthings++];
    pl->kind = PLANE;
    pl->material = floor_m;
    pl->height = 0.0;
    pl->dark = 0.25;
    add_sphere(s, v3(0.0, 1.0, 0.0), 1.0, shiny);
    add_sphere(s, v3(-2.1, 0.6, 0.9), 0.6, matte);
    add_sphere(s, v3(1.9, 0.8, 1.3), 0.8, mirror);
    add_sphere(s, v3(0.8, 0.35, -1.4), 0.35, matte);
    Light light = {v3(-4.0, 6.0, -5.0), 0.9};
    s->lights[s->nlights++] = light;
}

int main(int argc, char **argv) {
    int width = argc > 1 ? atoi(argv[1]) : 48;
    int height = width * 2 / 3;
    int samples = 4;
    static Scene scene;
    build_scene(&scene);
    Camera cam = make_camera(v3(0.0, 1.8, -5.5), v3(0.0, 0.8, 0.0), v3(0.0, 1.0, 0.0), 55.0, width, height);
    int *pixels = malloc(sizeof(int) * (size_t)width * (size_t)height);
    double inv = 1.0 / (samples * samples);
    for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
            double total = 0.0;
            for (int sy = 0; sy < samples; sy++) {
                for (int sx = 0; sx < samples; sx++) {
                    Ray ray = camera_ray(&cam, x + (sx + 0.5) / samples, y + (sy + 0.5) / samples);
                    total += trace(&scene, ray, 0);
                }
            }
            double v = total * inv;
            if (v > 1.0) v = 1.0;
            if (v < 0.0) v = 0.0;
            pixels[y * width + x] = (int)(sqrt(v) * 255.0 + 0.5);
        }
    }
    long long checksum = 0;
    for (int i = 0; i < width * height; i++) checksum = (checksum * 31 + pixels[i]) % 1000000007LL;
    printf("P2\n");
    printf("# kiln raytracer: %ld rays, checksum %lld\n", scene.rays, checksum);
    printf("%d %d\n", width, height);
    printf("255\n");
    for (int y = 0; y < height; y++) {
        for (int i = 0; i < width; i += 16) {
            int end = i + 16 < width ? i + 16 : width;
            for (int x = i; x < end; x++) printf(x == i ? "%d" : " %d", pixels[y * width + x]);
            printf("\n");
        }
    }
    free(pixels);
    return 0;
}
