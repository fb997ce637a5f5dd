# A small ray tracer built on a Vec3 class with operator methods: spheres and a checkered
# floor plane, lit by point lights with shadows, Phong highlights and mirror reflections.
# The image is rendered at a low resolution and printed as ASCII shades, followed by a
# checksum of the quantized pixel colours.
import math


class Vec3:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, other):
        return Vec3(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vec3(self.x - other.x, self.y - other.y, self.z - other.z)

    def __mul__(self, k):
        return Vec3(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vec3(-self.x, -self.y, -self.z)

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def cross(self, other):
        return Vec3(self.y * other.z - self.z * other.y,
                    self.z * other.x - self.x * other.z,
                    self.x * other.y - self.y * other.x)

    def length(self):
        return math.sqrt(self.dot(self))

    def normalize(self):
        n = self.length()
        return Vec3(self.x / n, self.y / n, self.z / n)

    def times(self, other):
        # Component-wise product, used to filter light by a surface colour.
        return Vec3(self.x * other.x, self.y * other.y, self.z * other.z)

    def reflect(self, normal):
        return self - normal * (2.0 * self.dot(normal))

    def __repr__(self):
        return "Vec3(%.3f, %.3f, %.3f)" % (self.x, self.y, self.z)


BLACK = Vec3(0.0, 0.0, 0.0)
EPSILON = 1e-6


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction

    def at(self, t):
        return self.origin + self.direction * t


class Material:
    def __init__(self, colour, diffuse=0.8, specular=0.3, shininess=20, mirror=0.0):
        self.colour = colour
        self.diffuse = diffuse
        self.specular = specular
        self.shininess = shininess
        self.mirror = mirror

    def colour_at(self, point):
        return self.colour


class Checker(Material):
    def __init__(self, colour, other, size, **kwargs):
        super().__init__(colour, **kwargs)
        self.other = other
        self.size = size

    def colour_at(self, point):
        i = math.floor(point.x / self.size) + math.floor(point.z / self.size)
        if i % 2 == 0:
            return self.colour
        return self.other


class Shape:
    def __init__(self, name, material):
        self.name = name
        self.material = material

    def intersect(self, ray):
        raise NotImplementedError

    def normal_at(self, point):
        raise NotImplementedError


class Sphere(Shape):
    def __init__(self, name, centre, radius, material):
        super().__init__(name, material)
        self.centre = centre
        self.radius = radius

    def intersect(self, ray):
        oc = ray.origin - self.centre
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return None
        root = math.sqrt(disc)
        t = -b - root
        if t > EPSILON:
            return t
        t = -b + root
        if t > EPSILON:
            return t
        return None

    def normal_at(self, point):
        return (point - self.centre).normalize()


class Plane(Shape):
    def __init__(self, name, point, normal, material):
        super().__init__(name, material)
        self.point = point
        self.normal = normal.normalize()

    def intersect(self, ray):
        denom = self.normal.dot(ray.direction)
        if abs(denom) < EPSILON:
            return None
        t = (self.point - ray.origin).dot(self.normal) / denom
        if t > EPSILON:
            return t
        return None

    def normal_at(self, point):
        return self.normal


class Light:
    def __init__(self, position, colour):
        self.position = position
        self.colour = colour


class Scene:
    def __init__(self, ambient):
        self.shapes = []
        self.lights = []
        self.ambient = ambient
        self.rays = 0
        self.shadow_rays = 0
        self.hits = {}

    def add(self, shape):
        self.shapes.append(shape)
        self.hits[shape.name] = 0

    def nearest(self, ray):
        best_t = None
        best = None
        for shape in self.shapes:
            t = shape.intersect(ray)
            if t is not None and (best_t is None or t < best_t):
                best_t = t
                best = shape
        return best, best_t

    def in_shadow(self, point, light):
        self.shadow_rays += 1
        to_light = light.position - point
        distance = to_light.length()
        ray = Ray(point, to_light * (1.0 / distance))
        for shape in self.shapes:
            t = shape.intersect(ray)
            if t is not None and t < distance:
                return True
        return False

    def trace(self, ray, depth):
        self.rays += 1
        shape, t = self.nearest(ray)
        if shape is None:
            # Night sky: a gradient from grey at the horizon to dark blue overhead.
            k = clamp(ray.direction.y * 3.0)
            return Vec3(0.1, 0.1, 0.14) * (1.0 - k) + Vec3(0.0, 0.0, 0.03) * k
        self.hits[shape.name] += 1
        point = ray.at(t)
        normal = shape.normal_at(point)
        if normal.dot(ray.direction) > 0.0:
            normal = -normal
        material = shape.material
        base = material.colour_at(point)
        colour = base.times(self.ambient)
        lift = point + normal * 1e-4
        for light in self.lights:
            if self.in_shadow(lift, light):
                continue
            to_light = (light.position - point).normalize()
            lambert = normal.dot(to_light)
            if lambert > 0.0:
                colour = colour + base.times(light.colour) * (material.diffuse * lambert)
                bounce = (-to_light).reflect(normal)
                spec = bounce.dot(-ray.direction)
                if spec > 0.0:
                    colour = colour + light.colour * (material.specular * spec ** material.shininess)
        if material.mirror > 0.0 and depth < 3:
            reflected = Ray(lift, ray.direction.reflect(normal).normalize())
            colour = colour * (1.0 - material.mirror) + self.trace(reflected, depth + 1) * material.mirror
        return colour


class Camera:
    def __init__(self, eye, target, up, fov, width, height):
        self.eye = eye
        self.width = width
        self.height = height
        self.forward = (target - eye).normalize()
        self.right = up.cross(self.forward).normalize()
        self.up = self.forward.cross(self.right)
        self.half = math.tan(math.radians(fov) / 2.0)
        self.aspect = width / height

    def ray_for(self, px, py):
        # Pixels are twice as tall as wide in a terminal, hence the aspect factor; px and py
        # may be fractional, for several samples per character.
        u = (2.0 * px / self.width - 1.0) * self.half * self.aspect * 0.5
        v = (1.0 - 2.0 * py / self.height) * self.half
        direction = self.forward + self.right * u + self.up * v
        return Ray(self.eye, direction.normalize())


def build_scene():
    scene = Scene(Vec3(0.1, 0.1, 0.12))
    floor = Checker(Vec3(0.5, 0.5, 0.5), Vec3(0.1, 0.1, 0.12), 2.0, specular=0.05, mirror=0.15)
    scene.add(Plane("floor", Vec3(0.0, 0.0, 0.0), Vec3(0.0, 1.0, 0.0), floor))
    scene.add(Sphere("red", Vec3(-1.4, 1.0, 6.0), 1.0, Material(Vec3(1.0, 0.5, 0.4))))
    scene.add(Sphere("mirror", Vec3(0.8, 1.3, 7.5), 1.3,
                     Material(Vec3(0.8, 0.8, 0.9), diffuse=0.3, specular=0.8, shininess=60, mirror=0.6)))
    scene.add(Sphere("green", Vec3(1.9, 0.5, 4.8), 0.5, Material(Vec3(0.5, 1.0, 0.5), shininess=10)))
    scene.add(Sphere("blue", Vec3(-0.3, 0.35, 4.2), 0.35, Material(Vec3(0.5, 0.6, 1.0), mirror=0.2)))
    scene.lights.append(Light(Vec3(-4.0, 6.0, 1.0), Vec3(0.8, 0.8, 0.8)))
    scene.lights.append(Light(Vec3(5.0, 4.0, 3.0), Vec3(0.4, 0.35, 0.3)))
    scene.lights.append(Light(Vec3(0.0, 8.0, 9.0), Vec3(0.2, 0.2, 0.3)))
    return scene


def clamp(x):
    if x < 0.0:
        return 0.0
    if x > 1.0:
        return 1.0
    return x


def render(scene, camera, samples):
    shades = " .:-=+*#%@"
    step = 1.0 / samples
    weight = 1.0 / (samples * samples)
    rows = []
    checksum = 0
    histogram = [0] * len(shades)
    for py in range(camera.height):
        line = []
        for px in range(camera.width):
            c = BLACK
            for sy in range(samples):
                for sx in range(samples):
                    ray = camera.ray_for(px + (sx + 0.5) * step, py + (sy + 0.5) * step)
                    c = c + scene.trace(ray, 0) * weight
            r = int(clamp(c.x) * 255.0)
            g = int(clamp(c.y) * 255.0)
            b = int(clamp(c.z) * 255.0)
            checksum = (checksum * 33 + r * 65536 + g * 256 + b) % 4294967291
            brightness = (r * 299 + g * 587 + b * 114) // 1000
            # A square-root curve shows more detail in the darker half.
            k = int(math.sqrt(brightness / 256.0) * len(shades))
            histogram[k] += 1
            line.append(shades[k])
        rows.append("".join(line))
    return rows, checksum, histogram


def main():
    scene = build_scene()
    camera = Camera(Vec3(0.0, 1.6, -1.0), Vec3(0.0, 0.9, 6.0), Vec3(0.0, 1.0, 0.0), 55.0, 76, 32)
    rows, checksum, histogram = render(scene, camera, 3)
    for row in rows:
        print(row)
    print("camera right", camera.right, "up", camera.up)
    print("rays", scene.rays, "shadow rays", scene.shadow_rays)
    print("hits", ", ".join("%s=%d" % (name, n) for name, n in scene.hits.items()))
    print("histogram", histogram)
    print("checksum", checksum)


main()
