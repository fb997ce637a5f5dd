# math module basics
import math
print(math.pi, math.e, math.inf, -math.inf, 2 * math.pi)
print(math.sqrt(2), math.sqrt(16), math.sqrt(0.25), math.sqrt(1e100), math.sqrt(2 ** 100))
print(math.sin(0), math.sin(math.pi / 2), math.sin(math.pi / 6), math.sin(1))
print(math.cos(0), math.cos(math.pi), math.cos(math.pi / 3), math.cos(1))
print(math.atan2(1, 1), math.atan2(-1, -1), math.atan2(0, -1), math.atan2(1, 0), math.atan2(0, 0))
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.floor(5), math.ceil(-0.5))
print(type(math.floor(2.5)).__name__, math.floor(1e20), math.ceil(2 ** 70 + 0.0))
print(math.log(1), math.log(math.e), math.log(100, 10), math.log(8, 2), math.log(2), math.log(10 ** 50))
print(math.exp(0), math.exp(1), math.exp(-1), math.exp(10), math.exp(-1000))
print(math.fabs(-3), math.fabs(2.5), math.fabs(-0.0), type(math.fabs(-3)).__name__)
print(math.hypot(3, 4), math.hypot(1, 1), math.hypot(5, 12), math.hypot(0, 0))
print(math.isinf(math.inf), math.isinf(1e308), math.isnan(math.inf - math.inf), math.isnan(1.0))
for deg in range(0, 361, 45):
    rad = deg * math.pi / 180
    print(deg, round(math.sin(rad), 6), round(math.cos(rad), 6))
def distance(p, q):
    return math.sqrt((p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2)
print(distance((0, 0), (3, 4)), distance((1, 1), (4, 5)), distance((-1, 2), (2, -2)))
print(math.sqrt(-0.0), math.floor(-0.0), math.ceil(0.9999999999999999))
angle = math.atan2(3, 4)
print(angle, math.cos(angle) * 5, math.sin(angle) * 5)
