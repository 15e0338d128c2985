# A small ray tracer: Vec3 with operator dunders, Ray, Material, Sphere and Plane objects behind a
# common Thing base class, one point light with shadows, reflections, 4x4 supersampling.
# Prints a grayscale ASCII PGM ("P2") image. Optional size: the image width (default 48).
import math
import sys


class Vec3:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec3(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec3(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec3(self.x * k, self.y * k, self.z * k)

    def __rmul__(self, k):
        return Vec3(self.x * k, self.y * k, self.z * k)

    def __neg__(self):
        return Vec3(-self.x, -self.y, -self.z)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def cross(self, o):
        return Vec3(self.y * o.z - self.z * o.y, self.z * o.x - self.x * o.z, self.x * o.y - self.y * o.x)

    def length(self):
        return math.sqrt(self.dot(self))

    def normalized(self):
        return self * (1.0 / self.length())

    def __repr__(self):
        return f"Vec3({self.x}, {self.y}, {self.z})"


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction

    def at(self, t):
        return self.origin + self.direction * t


class Material:
    def __init__(self, albedo, diffuse, specular, shininess, reflect):
        self.albedo = albedo
        self.diffuse = diffuse
        self.specular = specular
        self.shininess = shininess
        self.reflect = reflect


class Thing:
    def __init__(self, material):
        self.material = material

    def intersect(self, ray):
        return -1.0

    def normal_at(self, p):
        return Vec3(0.0, 1.0, 0.0)

    def albedo_at(self, p):
        return self.material.albedo


class Sphere(Thing):
    def __init__(self, center, radius, material):
        super().__init__(material)
        self.center = center
        self.radius = radius

    def intersect(self, ray):
        oc = ray.origin - self.center
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return -1.0
        sq = math.sqrt(disc)
        t = -b - sq
        if t > 1e-6:
            return t
        t = -b + sq
        if t > 1e-6:
            return t
        return -1.0

    def normal_at(self, p):
        return (p - self.center).normalized()


class CheckerPlane(Thing):
    def __init__(self, height, material, dark):
        super().__init__(material)
        self.height = height
        self.dark = dark

    def intersect(self, ray):
        dy = ray.direction.y
        if -1e-9 < dy < 1e-9:
            return -1.0
        t = (self.height - ray.origin.y) / dy
        if t > 1e-6:
            return t
        return -1.0

    def albedo_at(self, p):
        if (math.floor(p.x) + math.floor(p.z)) & 1 == 0:
            return self.material.albedo
        return self.dark


class Light:
    def __init__(self, position, intensity):
        self.position = position
        self.intensity = intensity


class Hit:
    def __init__(self, t, thing):
        self.t = t
        self.thing = thing


class Scene:
    def __init__(self, ambient, max_depth):
        self.things: list[Thing] = []
        self.lights: list[Light] = []
        self.ambient = ambient
        self.max_depth = max_depth
        self.rays = 0

    def closest(self, ray):
        self.rays += 1
        best = None
        for thing in self.things:
            t = thing.intersect(ray)
            if t > 0.0 and (best is None or t < best.t):
                best = Hit(t, thing)
        return best

    def shadowed(self, p, light):
        to_light = light.position - p
        dist = to_light.length()
        ray = Ray(p, to_light * (1.0 / dist))
        hit = self.closest(ray)
        return hit is not None and hit.t < dist

    def trace(self, ray, depth):
        hit = self.closest(ray)
        if hit is None:
            # sky: brighter towards the zenith
            return 0.25 + 0.35 * max(0.0, ray.direction.y)
        thing = hit.thing
        m = thing.material
        p = ray.at(hit.t)
        n = thing.normal_at(p)
        if n.dot(ray.direction) > 0.0:
            n = -n
        p = p + n * 1e-4
        albedo = thing.albedo_at(p)
        color = self.ambient * albedo
        for light in self.lights:
            if self.shadowed(p, light):
                continue
            l = (light.position - p).normalized()
            lambert = n.dot(l)
            if lambert > 0.0:
                color += m.diffuse * lambert * albedo * light.intensity
            h = (l - ray.direction).normalized()
            spec = n.dot(h)
            if spec > 0.0:
                s = 1.0
                for _ in range(m.shininess):
                    s *= spec
                color += m.specular * s * light.intensity
        if m.reflect > 0.0 and depth < self.max_depth:
            d = ray.direction
            r = d - n * (2.0 * d.dot(n))
            color = color * (1.0 - m.reflect) + m.reflect * self.trace(Ray(p, r.normalized()), depth + 1)
        return color


class Camera:
    def __init__(self, eye, target, up, fov_degrees, width, height):
        self.eye = eye
        self.forward = (target - eye).normalized()
        self.right = self.forward.cross(up).normalized()
        self.up = self.right.cross(self.forward)
        self.width = width
        self.height = height
        self.scale = math.tan(fov_degrees * math.pi / 360.0)
        self.aspect = width / height

    def ray(self, px, py):
        sx = (2.0 * px / self.width - 1.0) * self.scale * self.aspect
        sy = (1.0 - 2.0 * py / self.height) * self.scale
        d = self.forward + self.right * sx + self.up * sy
        return Ray(self.eye, d.normalized())


def build_scene():
    scene = Scene(0.12, 3)
    shiny = Material(0.9, 0.8, 0.6, 32, 0.35)
    matte = Material(0.7, 0.9, 0.1, 4, 0.0)
    mirror = Material(0.95, 0.3, 0.9, 64, 0.8)
    floor = Material(0.8, 0.8, 0.0, 1, 0.15)
    scene.things.append(CheckerPlane(0.0, floor, 0.25))
    scene.things.append(Sphere(Vec3(0.0, 1.0, 0.0), 1.0, shiny))
    scene.things.append(Sphere(Vec3(-2.1, 0.6, 0.9), 0.6, matte))
    scene.things.append(Sphere(Vec3(1.9, 0.8, 1.3), 0.8, mirror))
    scene.things.append(Sphere(Vec3(0.8, 0.35, -1.4), 0.35, matte))
    scene.lights.append(Light(Vec3(-4.0, 6.0, -5.0), 0.9))
    return scene


def render(width, height, samples):
    scene = build_scene()
    cam = Camera(Vec3(0.0, 1.8, -5.5), Vec3(0.0, 0.8, 0.0), Vec3(0.0, 1.0, 0.0), 55.0, width, height)
    pixels = []
    inv = 1.0 / (samples * samples)
    for y in range(height):
        row = []
        for x in range(width):
            total = 0.0
            for sy in range(samples):
                for sx in range(samples):
                    ray = cam.ray(x + (sx + 0.5) / samples, y + (sy + 0.5) / samples)
                    total += scene.trace(ray, 0)
            v = total * inv
            if v > 1.0:
                v = 1.0
            if v < 0.0:
                v = 0.0
            row.append(int(math.sqrt(v) * 255.0 + 0.5))
        pixels.append(row)
    return pixels, scene.rays


def main():
    width = int(sys.argv[1]) if len(sys.argv) > 1 else 48
    height = width * 2 // 3
    pixels, rays = render(width, height, 4)
    checksum = 0
    for row in pixels:
        for v in row:
            checksum = (checksum * 31 + v) % 1000000007
    print("P2")
    print(f"# kiln raytracer: {rays} rays, checksum {checksum}")
    print(width, height)
    print(255)
    for row in pixels:
        for i in range(0, width, 16):
            print(" ".join(str(v) for v in row[i:i + 16]))


main()
