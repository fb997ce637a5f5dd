# The chaos game: a point jumps a fraction of the way towards randomly chosen targets, or is
# moved by randomly chosen affine maps (an iterated function system), and the visited points
# trace out a fractal.  Renders a Sierpinski triangle, a restricted pentagon game and a fern
# on character grids, printing small pictures, cell counts and checksums.
import math
import random


class Grid:
    def __init__(self, width, height, xmin, xmax, ymin, ymax):
        self.width = width
        self.height = height
        self.xmin = xmin
        self.ymin = ymin
        self.sx = width / (xmax - xmin)
        self.sy = height / (ymax - ymin)
        self.counts = [[0] * width for _ in range(height)]
        self.outside = 0

    def plot(self, x, y):
        col = int((x - self.xmin) * self.sx)
        row = self.height - 1 - int((y - self.ymin) * self.sy)
        if 0 <= col < self.width and 0 <= row < self.height:
            self.counts[row][col] += 1
        else:
            self.outside += 1

    def filled(self):
        return sum(1 for row in self.counts for n in row if n > 0)

    def checksum(self):
        h = 0
        for row in self.counts:
            for n in row:
                h = (h * 131 + n) % 2147483647
        return h

    def densest(self):
        best = (0, 0, 0)
        for r, row in enumerate(self.counts):
            for c, n in enumerate(row):
                if n > best[0]:
                    best = (n, r, c)
        return best

    def picture(self, step_x, step_y):
        # Downsample: each character covers step_x by step_y cells.
        shades = " .:+*#"
        lines = []
        for r0 in range(0, self.height, step_y):
            line = []
            for c0 in range(0, self.width, step_x):
                total = 0
                for r in range(r0, min(r0 + step_y, self.height)):
                    row = self.counts[r]
                    for c in range(c0, min(c0 + step_x, self.width)):
                        if row[c]:
                            total += 1
                k = (total * (len(shades) - 1) + step_x * step_y - 1) // (step_x * step_y)
                line.append(shades[k])
            lines.append("".join(line).rstrip())
        return lines


class Affine:
    """The map (x, y) -> (a*x + b*y + e, c*x + d*y + f)."""

    def __init__(self, a, b, c, d, e, f, weight):
        self.a = a
        self.b = b
        self.c = c
        self.d = d
        self.e = e
        self.f = f
        self.weight = weight

    def apply(self, x, y):
        return self.a * x + self.b * y + self.e, self.c * x + self.d * y + self.f

    def det(self):
        return self.a * self.d - self.b * self.c


class IFS:
    def __init__(self, name, maps):
        self.name = name
        self.maps = maps
        total = sum(m.weight for m in maps)
        self.cumulative = []
        acc = 0.0
        for m in maps:
            acc += m.weight / total
            self.cumulative.append(acc)
        self.used = [0] * len(maps)

    def pick(self):
        u = random.random()
        for i, limit in enumerate(self.cumulative):
            if u < limit:
                return i
        return len(self.maps) - 1

    def run(self, grid, n, skip):
        x, y = 0.0, 0.0
        for step in range(n):
            i = self.pick()
            self.used[i] += 1
            x, y = self.maps[i].apply(x, y)
            if step >= skip:
                grid.plot(x, y)
        return x, y


def polygon(k, radius):
    points = []
    for i in range(k):
        angle = math.pi / 2 + 2 * math.pi * i / k
        points.append((radius * math.cos(angle), radius * math.sin(angle)))
    return points


def sierpinski(grid, n):
    corners = [(0.0, 0.0), (1.0, 0.0), (0.5, 0.866)]
    x, y = random.random(), random.random()
    visits = {c: 0 for c in corners}
    for step in range(n):
        cx, cy = random.choice(corners)
        visits[(cx, cy)] += 1
        x = (x + cx) / 2
        y = (y + cy) / 2
        if step > 20:
            grid.plot(x, y)
    return [visits[c] for c in corners]


def pentagon(grid, n):
    # A vertex may not be chosen twice in a row; with ratio 1/2 this gives a star-like fractal.
    corners = polygon(5, 1.0)
    x, y = 0.0, 0.0
    last = -1
    rejected = 0
    for step in range(n):
        i = random.randint(0, 4)
        if i == last:
            rejected += 1
            continue
        last = i
        cx, cy = corners[i]
        x += (cx - x) * 0.5
        y += (cy - y) * 0.5
        grid.plot(x, y)
    return rejected


FERN = IFS("fern", [
    Affine(0.0, 0.0, 0.0, 0.16, 0.0, 0.0, 1),
    Affine(0.85, 0.04, -0.04, 0.85, 0.0, 1.6, 85),
    Affine(0.2, -0.26, 0.23, 0.22, 0.0, 1.6, 7),
    Affine(-0.15, 0.28, 0.26, 0.24, 0.0, 0.44, 7),
])


def report(name, grid, extra):
    n, r, c = grid.densest()
    print("%s: %d of %d cells filled, %d outside, densest cell (%d, %d) with %d, checksum %d" % (
        name, grid.filled(), grid.width * grid.height, grid.outside, r, c, n, grid.checksum()))
    print("  " + extra)


def main():
    random.seed(1234)

    tri = Grid(128, 112, -0.01, 1.01, -0.01, 0.88)
    visits = sierpinski(tri, 300000)
    for line in tri.picture(4, 8):
        print(line)
    report("sierpinski", tri, "corner visits %s" % visits)

    pent = Grid(120, 120, -1.0, 1.0, -0.85, 1.05)
    rejected = pentagon(pent, 300000)
    for line in pent.picture(3, 6):
        print(line)
    report("pentagon", pent, "rejected repeats %d" % rejected)

    fern = Grid(96, 200, -2.4, 2.8, -0.1, 10.1)
    x, y = FERN.run(fern, 300000, 10)
    for line in fern.picture(3, 8):
        print(line)
    report("fern", fern, "maps used %s, last point (%.4f, %.4f), det %s" % (
        FERN.used, x, y, [round(m.det(), 4) for m in FERN.maps]))


main()
