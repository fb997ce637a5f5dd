# Chaos game on B-splines: a point is repeatedly mapped onto a randomly chosen
# segment of one of several splines, which draws a fractal-like picture.
# The picture is summarised by checksums instead of being written out.

import math
import random

THICKNESS = 0.25
WIDTH = 128
HEIGHT = 128
ITERATIONS = 6000
SEED = 1234


class GVector(object):

    def __init__(self, x=0, y=0, z=0):
        self.x = x
        self.y = y
        self.z = z

    def mag(self):
        return math.sqrt(self.x ** 2 + self.y ** 2 + self.z ** 2)

    def dist(self, other):
        return math.sqrt((self.x - other.x) ** 2 +
                         (self.y - other.y) ** 2 +
                         (self.z - other.z) ** 2)

    def __add__(self, other):
        if not isinstance(other, GVector):
            raise ValueError("Can't add GVector to " + str(type(other)))
        return GVector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return self + other * -1

    def __mul__(self, other):
        return GVector(self.x * other, self.y * other, self.z * other)
    __rmul__ = __mul__

    def linear_combination(self, other, l1, l2=None):
        if l2 is None:
            l2 = 1 - l1
        return GVector(self.x * l1 + other.x * l2,
                       self.y * l1 + other.y * l2,
                       self.z * l1 + other.z * l2)

    def __str__(self):
        return "<%f, %f, %f>" % (self.x, self.y, self.z)

    def __repr__(self):
        return "GVector(%f, %f, %f)" % (self.x, self.y, self.z)


class Spline(object):
    """A B-spline of arbitrary degree, evaluated with de Boor's algorithm."""

    def __init__(self, points, degree, knots):
        if len(points) > len(knots) - degree + 1:
            raise ValueError("too many control points")
        elif len(points) < len(knots) - degree + 1:
            raise ValueError("not enough control points")
        last = knots[0]
        for cur in knots[1:]:
            if cur < last:
                raise ValueError("knots not strictly increasing")
            last = cur
        self.knots = knots
        self.points = points
        self.degree = degree

    def domain(self):
        return (self.knots[self.degree - 1],
                self.knots[len(self.knots) - self.degree])

    def __call__(self, u):
        lo, hi = self.domain()
        if u < lo or u > hi:
            raise ValueError("Function value not in domain")
        if u == lo:
            return self.points[0]
        if u == hi:
            return self.points[-1]
        k = self.index_of(u)
        deg = self.degree
        d = [self.points[k - deg + 1 + ii] for ii in range(deg + 1)]
        knots = self.knots
        for ik in range(1, deg + 1):
            for ii in range(k - deg + ik + 1, k + 2):
                ua = knots[ii + deg - ik]
                ub = knots[ii - 1]
                co1 = (ua - u) / (ua - ub)
                co2 = (u - ub) / (ua - ub)
                index = ii - k + deg - ik - 1
                d[index] = d[index].linear_combination(d[index + 1], co1, co2)
        return d[0]

    def index_of(self, u):
        lo, hi = self.domain()
        for ii in range(self.degree - 1, len(self.knots) - self.degree):
            if self.knots[ii] <= u < self.knots[ii + 1]:
                return ii
        return hi - 1

    def __len__(self):
        return len(self.points)

    def __repr__(self):
        return "Spline(%r, %r, %r)" % (self.points, self.degree, self.knots)


class Chaosgame(object):

    def __init__(self, splines, thickness=0.1):
        self.splines = splines
        self.thickness = thickness
        self.minx = min([p.x for spl in splines for p in spl.points])
        self.miny = min([p.y for spl in splines for p in spl.points])
        self.maxx = max([p.x for spl in splines for p in spl.points])
        self.maxy = max([p.y for spl in splines for p in spl.points])
        self.height = self.maxy - self.miny
        self.width = self.maxx - self.minx
        self.num_trafos = []
        maxlength = thickness * self.width / self.height
        for spl in splines:
            length = 0
            curr = spl(0)
            for i in range(1, 500):
                last = curr
                t = 1 / 499 * i
                curr = spl(t)
                length += curr.dist(last)
            self.num_trafos.append(max(1, int(length / maxlength * 1.5)))
        self.num_total = sum(self.num_trafos)
        self.degenerate = 0

    def random_trafo(self):
        r = random.randrange(int(self.num_total) + 1)
        seen = 0
        for i in range(len(self.num_trafos)):
            if seen <= r < seen + self.num_trafos[i]:
                return i, random.randrange(self.num_trafos[i])
            seen += self.num_trafos[i]
        return len(self.num_trafos) - 1, random.randrange(self.num_trafos[-1])

    def transform_point(self, point, trafo=None):
        x = (point.x - self.minx) / self.width
        y = (point.y - self.miny) / self.height
        if trafo is None:
            trafo = self.random_trafo()
        spline = self.splines[trafo[0]]
        start, end = spline.domain()
        seg_length = (end - start) / self.num_trafos[trafo[0]]
        t = start + seg_length * trafo[1] + seg_length * x
        basepoint = spline(t)
        if t + 1 / 50000 > end:
            neighbour = spline(t - 1 / 50000)
            derivative = neighbour - basepoint
        else:
            neighbour = spline(t + 1 / 50000)
            derivative = basepoint - neighbour
        mag = derivative.mag()
        if mag != 0:
            offset = GVector(derivative.y / mag, -derivative.x / mag, 0)
            basepoint = basepoint + (y - 0.5) * self.thickness * offset
        else:
            self.degenerate += 1
        self.truncate(basepoint)
        return basepoint

    def truncate(self, point):
        if point.x >= self.maxx:
            point.x = self.maxx
        if point.y >= self.maxy:
            point.y = self.maxy
        if point.x < self.minx:
            point.x = self.minx
        if point.y < self.miny:
            point.y = self.miny

    def create_image(self, w, h, iterations, seed):
        random.seed(seed)
        im = [[1] * h for i in range(w)]
        point = GVector((self.maxx + self.minx) / 2,
                        (self.maxy + self.miny) / 2, 0)
        # a few random jumps before drawing, using the other random entry points
        for _ in range(random.randint(3, 9)):
            spline = random.choice(self.splines)
            point = spline(random.random())
        for _ in range(iterations):
            point = self.transform_point(point)
            x = int((point.x - self.minx) / self.width * w)
            y = int((point.y - self.miny) / self.height * h)
            if x == w:
                x -= 1
            if y == h:
                y -= 1
            im[x][h - y - 1] = 0
        return im, point


def make_splines():
    return [
        Spline([
            GVector(1.597350, 3.304460, 0.000000),
            GVector(1.575810, 4.123260, 0.000000),
            GVector(1.313210, 5.288350, 0.000000),
            GVector(1.618900, 5.329910, 0.000000),
            GVector(2.889940, 5.502700, 0.000000),
            GVector(2.373060, 4.381830, 0.000000),
            GVector(1.662000, 4.360280, 0.000000)],
            3, [0, 0, 0, 1, 1, 1, 2, 2, 2]),
        Spline([
            GVector(2.804500, 4.017350, 0.000000),
            GVector(2.550500, 3.525230, 0.000000),
            GVector(1.979010, 2.620360, 0.000000),
            GVector(1.979010, 2.620360, 0.000000)],
            3, [0, 0, 0, 1, 1, 1]),
        Spline([
            GVector(2.001670, 4.011320, 0.000000),
            GVector(2.335040, 3.312830, 0.000000),
            GVector(2.366800, 3.233460, 0.000000),
            GVector(2.366800, 3.233460, 0.000000)],
            3, [0, 0, 0, 1, 1, 1]),
    ]


def main():
    splines = make_splines()
    print("spline sizes:", [len(s) for s in splines])
    print("spline 1 at 0.5:", splines[1](0.5))
    chaos = Chaosgame(splines, THICKNESS)
    print("trafos:", chaos.num_trafos, "total", chaos.num_total)
    print("bounds: %.5f %.5f %.5f %.5f" % (chaos.minx, chaos.miny,
                                           chaos.maxx, chaos.maxy))
    im, last = chaos.create_image(WIDTH, HEIGHT, ITERATIONS, SEED)
    black = sum([1 for column in im for v in column if v == 0])
    row_hash = 0
    for x in range(WIDTH):
        for y in range(HEIGHT):
            if im[x][y] == 0:
                row_hash = (row_hash * 33 + x * HEIGHT + y) % 1000000007
    print("black pixels:", black)
    print("pixel hash:", row_hash)
    print("last point:", last)
    print("degenerate:", chaos.degenerate)
    print("2 * v =", 2 * GVector(1, 2, 3), "v * 0.5 =", GVector(1, 2, 3) * 0.5)


if __name__ == "__main__":
    main()
