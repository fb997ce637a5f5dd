# A small recursive ray tracer: spheres on a checkerboard plane, two point
# lights, specular reflections.  Prints checksums of the rendered image.

import array
import math

EPSILON = 0.00001


class Vector(object):

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __repr__(self):
        return "Vector(%s,%s,%s)" % (self.x, self.y, self.z)

    def __add__(self, other):
        if other.is_point():
            return Point(self.x + other.x, self.y + other.y, self.z + other.z)
        return Vector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        other.must_be_vector()
        return Vector(self.x - other.x, self.y - other.y, self.z - other.z)

    def __eq__(self, other):
        return self.x == other.x and self.y == other.y and self.z == other.z

    def __mul__(self, factor):
        return self.scale(factor)

    def magnitude(self):
        return math.sqrt(self.dot(self))

    def scale(self, factor):
        return Vector(factor * self.x, factor * self.y, factor * self.z)

    def dot(self, other):
        other.must_be_vector()
        return self.x * other.x + self.y * other.y + self.z * other.z

    def cross(self, other):
        other.must_be_vector()
        return Vector(self.y * other.z - self.z * other.y,
                      self.z * other.x - self.x * other.z,
                      self.x * other.y - self.y * other.x)

    def normalized(self):
        return self.scale(1.0 / self.magnitude())

    def negated(self):
        return self.scale(-1)

    def is_vector(self):
        return True

    def is_point(self):
        return False

    def must_be_vector(self):
        return self

    def must_be_point(self):
        raise TypeError("Vectors are not points!")

    def reflect_through(self, normal):
        d = normal.scale(self.dot(normal))
        return self - d.scale(2)


Vector.ZERO = Vector(0, 0, 0)
Vector.RIGHT = Vector(1, 0, 0)
Vector.UP = Vector(0, 1, 0)
Vector.OUT = Vector(0, 0, 1)

assert Vector.RIGHT.reflect_through(Vector.UP) == Vector.RIGHT
assert Vector(-1, -1, 0).reflect_through(Vector.UP) == Vector(-1, 1, 0)


class Point(object):

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __repr__(self):
        return "Point(%s,%s,%s)" % (self.x, self.y, self.z)

    def __add__(self, other):
        other.must_be_vector()
        return Point(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        if other.is_point():
            return Vector(self.x - other.x, self.y - other.y, self.z - other.z)
        return Point(self.x - other.x, self.y - other.y, self.z - other.z)

    def __eq__(self, other):
        return self.x == other.x and self.y == other.y and self.z == other.z

    def is_vector(self):
        return False

    def is_point(self):
        return True

    def must_be_vector(self):
        raise TypeError("Points are not vectors!")

    def must_be_point(self):
        return self


Point.ZERO = Point(0, 0, 0)


class Sphere(object):

    def __init__(self, centre, radius):
        centre.must_be_point()
        self.centre = centre
        self.radius = radius

    def __repr__(self):
        return "Sphere(%r,%s)" % (self.centre, self.radius)

    def intersection_time(self, ray):
        cp = self.centre - ray.point
        v = cp.dot(ray.vector)
        discriminant = self.radius * self.radius - (cp.dot(cp) - v * v)
        if discriminant < 0:
            return None
        return v - math.sqrt(discriminant)

    def normal_at(self, p):
        return (p - self.centre).normalized()


class Halfspace(object):

    def __init__(self, point, normal):
        self.point = point
        self.normal = normal.normalized()

    def __repr__(self):
        return "Halfspace(%r,%r)" % (self.point, self.normal)

    def intersection_time(self, ray):
        v = ray.vector.dot(self.normal)
        if v:
            return 1 / -v
        return None

    def normal_at(self, p):
        return self.normal


class Ray(object):

    def __init__(self, point, vector):
        self.point = point
        self.vector = vector.normalized()

    def point_at_time(self, t):
        return self.point + self.vector.scale(t)


class Canvas(object):
    """Stores linear colour components as doubles."""

    def __init__(self, width, height):
        self.width = width
        self.height = height
        self.pixels = array.array('d', [0.0] * (width * height * 3))

    def plot(self, x, y, r, g, b):
        i = ((self.height - y - 1) * self.width + x) * 3
        self.pixels[i] = r
        self.pixels[i + 1] = g
        self.pixels[i + 2] = b

    def byte_at(self, i):
        return max(0, min(255, int(self.pixels[i] * 255)))

    def checksums(self):
        total = 0
        rolling = 7
        for i in range(len(self.pixels)):
            b = self.byte_at(i)
            total += b
            rolling = (rolling * 131 + b) % 4294967291
        return total, rolling

    def channel_sums(self):
        sums = [0.0, 0.0, 0.0]
        for i in range(0, len(self.pixels), 3):
            r, g, b = self.pixels[i], self.pixels[i + 1], self.pixels[i + 2]
            sums[0] += r
            sums[1] += g
            sums[2] += b
        return tuple(sums)


def first_intersection(intersections):
    result = None
    for i in intersections:
        candidate = i[1]
        if candidate is not None and candidate > -EPSILON:
            if result is None or candidate < result[1]:
                result = i
    return result


class Scene(object):

    def __init__(self):
        self.objects = []
        self.light_points = []
        self.position = Point(0, 1.8, 10)
        self.looking_at = Point.ZERO
        self.field_of_view = 45
        self.recursion_depth = 0
        self.rays_cast = 0

    def move_to(self, p):
        self.position = p

    def look_at(self, p):
        self.looking_at = p

    def add_object(self, obj, surface):
        self.objects.append((obj, surface))

    def add_light(self, p):
        self.light_points.append(p)

    def render(self, canvas):
        fov_radians = math.pi * (self.field_of_view / 2.0) / 180.0
        half_width = math.tan(fov_radians)
        half_height = 0.75 * half_width
        width = half_width * 2
        height = half_height * 2
        pixel_width = width / (canvas.width - 1)
        pixel_height = height / (canvas.height - 1)

        eye = Ray(self.position, self.looking_at - self.position)
        vp_right = eye.vector.cross(Vector.UP).normalized()
        vp_up = vp_right.cross(eye.vector).normalized()

        for y in range(canvas.height):
            for x in range(canvas.width):
                xcomp = vp_right.scale(x * pixel_width - half_width)
                ycomp = vp_up.scale(y * pixel_height - half_height)
                ray = Ray(eye.point, eye.vector + xcomp + ycomp)
                colour = self.ray_colour(ray)
                canvas.plot(x, y, *colour)

    def ray_colour(self, ray):
        if self.recursion_depth > 3:
            return (0, 0, 0)
        try:
            self.recursion_depth = self.recursion_depth + 1
            self.rays_cast += 1
            intersections = [(o, o.intersection_time(ray), s)
                             for (o, s) in self.objects]
            i = first_intersection(intersections)
            if i is None:
                return (0, 0, 0)
            (o, t, s) = i
            p = ray.point_at_time(t)
            return s.colour_at(self, ray, p, o.normal_at(p))
        finally:
            self.recursion_depth = self.recursion_depth - 1

    def light_is_visible(self, light, p):
        for (o, s) in self.objects:
            t = o.intersection_time(Ray(p, light - p))
            if t is not None and t > EPSILON:
                return False
        return True

    def visible_lights(self, p):
        result = []
        for light in self.light_points:
            if self.light_is_visible(light, p):
                result.append(light)
        return result


def add_colours(a, scale, b):
    return (a[0] + scale * b[0],
            a[1] + scale * b[1],
            a[2] + scale * b[2])


class SimpleSurface(object):

    def __init__(self, **kwargs):
        self.base_colour = kwargs.get('base_colour', (1, 1, 1))
        self.specular = kwargs.get('specular', 0.2)
        self.lambert = kwargs.get('lambert', 0.6)
        self.ambient = 1.0 - self.specular - self.lambert

    def base_colour_at(self, p):
        return self.base_colour

    def colour_at(self, scene, ray, p, normal):
        b = self.base_colour_at(p)
        c = (0, 0, 0)
        if self.specular > 0:
            reflected = Ray(p, ray.vector.reflect_through(normal))
            c = add_colours(c, self.specular, scene.ray_colour(reflected))
        if self.lambert > 0:
            amount = 0
            for light in scene.visible_lights(p):
                contribution = (light - p).normalized().dot(normal)
                if contribution > 0:
                    amount = amount + contribution
            amount = min(1, amount)
            c = add_colours(c, self.lambert * amount, b)
        if self.ambient > 0:
            c = add_colours(c, self.ambient, b)
        return c


class CheckerboardSurface(SimpleSurface):

    def __init__(self, **kwargs):
        SimpleSurface.__init__(self, **kwargs)
        self.other_colour = kwargs.get('other_colour', (0, 0, 0))
        self.check_size = kwargs.get('check_size', 1)

    def base_colour_at(self, p):
        v = p - Point.ZERO
        v = v.scale(1.0 / self.check_size)
        if (int(abs(v.x) + 0.5) + int(abs(v.y) + 0.5) + int(abs(v.z) + 0.5)) % 2:
            return self.other_colour
        return self.base_colour


def build_scene(**options):
    s = Scene()
    s.add_light(Point(30, 30, 10))
    s.add_light(Point(-10, 100, 30))
    s.look_at(Point(0, 3, 0))
    s.add_object(Sphere(Point(1, 3, -10), 2),
                 SimpleSurface(base_colour=(1, 1, 0)))
    for y in range(6):
        s.add_object(Sphere(Point(-3 - y * 0.4, 2.3, -5), 0.4),
                     SimpleSurface(base_colour=(y / 6.0, 1 - y / 6.0, 0.5)))
    s.add_object(Halfspace(Point(0, 0, 0), Vector.UP),
                 CheckerboardSurface(**options))
    return s


def main():
    width, height = 80, 60
    canvas = Canvas(width, height)
    scene = build_scene(check_size=2, other_colour=(0.1, 0.1, 0.3))
    scene.render(canvas)
    total, rolling = canvas.checksums()
    print("image %dx%d" % (width, height))
    print("rays cast:", scene.rays_cast)
    print("byte sum:", total)
    print("rolling hash:", rolling)
    print("channel sums: %.6f %.6f %.6f" % canvas.channel_sums())
    print("centre pixel:", [canvas.byte_at(((height // 2) * width + width // 2) * 3 + k)
                            for k in range(3)])
    print("recursion depth after render:", scene.recursion_depth)
    print(scene.objects[0][0], scene.objects[-1][0])


if __name__ == "__main__":
    main()
