# A Barnes-Hut tree code for gravity in two dimensions: each step builds a quadtree over the
# bodies, sums masses and centres of mass bottom-up, then walks the tree to approximate the
# force on every body (far-away cells act as one point mass). Prints energies and checksums.
import math
import random

THETA = 0.5
SOFTENING = 0.01
DT = 0.004


class Body:
    def __init__(self, x, y, vx, vy, mass):
        self.x = x
        self.y = y
        self.vx = vx
        self.vy = vy
        self.mass = mass
        self.ax = 0.0
        self.ay = 0.0


class Node:
    """A square cell of the quadtree: either empty, a leaf holding one body, or split in four."""

    def __init__(self, cx, cy, half):
        self.cx = cx
        self.cy = cy
        self.half = half
        self.body = None
        self.children = None
        self.mass = 0.0
        self.mx = 0.0
        self.my = 0.0
        self.count = 0

    def quadrant(self, body):
        q = 0
        if body.x >= self.cx:
            q += 1
        if body.y >= self.cy:
            q += 2
        return q

    def split(self):
        h = self.half / 2
        self.children = [
            Node(self.cx - h, self.cy - h, h),
            Node(self.cx + h, self.cy - h, h),
            Node(self.cx - h, self.cy + h, h),
            Node(self.cx + h, self.cy + h, h),
        ]

    def insert(self, body, depth=0):
        self.count += 1
        if self.children is None:
            if self.body is None:
                self.body = body
                return
            if depth > 40:
                # Two bodies (almost) on top of each other: keep them together in this leaf.
                return
            old = self.body
            self.body = None
            self.split()
            self.children[self.quadrant(old)].insert(old, depth + 1)
        self.children[self.quadrant(body)].insert(body, depth + 1)

    def summarize(self):
        """Fill in the total mass and centre of mass of every cell; return the tree depth."""
        if self.children is None:
            if self.body is not None:
                # A leaf over its depth limit may hold more bodies than the one recorded; they
                # are rare enough that counting the first is a fine approximation.
                self.mass = self.body.mass
                self.mx = self.body.x
                self.my = self.body.y
            return 1
        mass = 0.0
        sx = 0.0
        sy = 0.0
        depth = 0
        for child in self.children:
            if child.count == 0:
                continue
            d = child.summarize()
            if d > depth:
                depth = d
            mass += child.mass
            sx += child.mass * child.mx
            sy += child.mass * child.my
        self.mass = mass
        if mass > 0.0:
            self.mx = sx / mass
            self.my = sy / mass
        return depth + 1

    def accel(self, body, stats):
        """Acceleration on body from everything in this cell, opening cells that are too close."""
        if self.count == 0 or self.mass == 0.0:
            return 0.0, 0.0
        if self.children is None and self.body is body:
            return 0.0, 0.0
        dx = self.mx - body.x
        dy = self.my - body.y
        d2 = dx * dx + dy * dy + SOFTENING * SOFTENING
        size = 2.0 * self.half
        if self.children is None or size * size < THETA * THETA * d2:
            stats[0] += 1
            inv = self.mass / (d2 * math.sqrt(d2))
            return dx * inv, dy * inv
        stats[1] += 1
        ax = 0.0
        ay = 0.0
        for child in self.children:
            cax, cay = child.accel(body, stats)
            ax += cax
            ay += cay
        return ax, ay


def make_bodies(n, seed):
    random.seed(seed)
    bodies = []
    # Two clumps orbiting in a rough disc, plus a field of light bodies.
    for i in range(n):
        if i % 3 == 2:
            r = 0.2 + 0.8 * random.random()
            cx, cy = 0.0, 0.0
        elif i % 3 == 0:
            r = 0.25 * random.random()
            cx, cy = -0.4, 0.1
        else:
            r = 0.25 * random.random()
            cx, cy = 0.45, -0.15
        angle = 2.0 * math.pi * random.random()
        x = cx + r * math.cos(angle)
        y = cy + r * math.sin(angle)
        speed = 0.3 * math.sqrt(r + 0.05)
        vx = -speed * math.sin(angle)
        vy = speed * math.cos(angle)
        mass = 1.0 / n * (0.5 + random.random())
        bodies.append(Body(x, y, vx, vy, mass))
    return bodies


def build_tree(bodies):
    lo_x = min(b.x for b in bodies)
    hi_x = max(b.x for b in bodies)
    lo_y = min(b.y for b in bodies)
    hi_y = max(b.y for b in bodies)
    half = max(hi_x - lo_x, hi_y - lo_y) / 2 * 1.0001 + 1e-9
    root = Node((lo_x + hi_x) / 2, (lo_y + hi_y) / 2, half)
    for b in bodies:
        root.insert(b)
    depth = root.summarize()
    return root, depth


def energy(bodies):
    kinetic = 0.0
    potential = 0.0
    n = len(bodies)
    for i in range(n):
        a = bodies[i]
        kinetic += 0.5 * a.mass * (a.vx * a.vx + a.vy * a.vy)
        for j in range(i + 1, n):
            b = bodies[j]
            dx = a.x - b.x
            dy = a.y - b.y
            potential -= a.mass * b.mass / math.sqrt(dx * dx + dy * dy + SOFTENING * SOFTENING)
    return kinetic, potential


def step(bodies, stats):
    root, depth = build_tree(bodies)
    for b in bodies:
        b.ax, b.ay = root.accel(b, stats)
    # Semi-implicit Euler: kick, then drift.
    for b in bodies:
        b.vx += b.ax * DT
        b.vy += b.ay * DT
        b.x += b.vx * DT
        b.y += b.vy * DT
    return depth


def checksum(bodies):
    sx = 0.0
    sy = 0.0
    for i, b in enumerate(bodies):
        w = (i % 7) + 1
        sx += w * b.x
        sy += w * b.y
    return sx, sy


def main():
    bodies = make_bodies(500, 42)
    k0, p0 = energy(bodies)
    print("bodies", len(bodies))
    print("initial kinetic %.6f potential %.6f total %.6f" % (k0, p0, k0 + p0))
    stats = [0, 0]
    for n in range(1, 25):
        depth = step(bodies, stats)
        if n % 4 == 0:
            sx, sy = checksum(bodies)
            print("step %2d depth %2d checksum %.6f %.6f" % (n, depth, sx, sy))
    k1, p1 = energy(bodies)
    print("final kinetic %.6f potential %.6f total %.6f" % (k1, p1, k1 + p1))
    print("relative energy drift %.3e" % ((k1 + p1 - k0 - p0) / abs(k0 + p0)))
    print("point-mass interactions", stats[0], "cells opened", stats[1])
    far = sorted(bodies, key=lambda b: -(b.x * b.x + b.y * b.y))[:3]
    for b in far:
        print("far body %.4f %.4f" % (b.x, b.y))


main()
