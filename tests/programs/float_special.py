# inf, nan, -0.0 behaviour
import math
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, inf + 1, inf * 2, inf - inf, inf * 0, -inf * -1)
print(inf > 1e308, -inf < -1e308, inf == inf, nan == nan, nan != nan, nan < 1, nan > 1)
print(math.isinf(inf), math.isinf(-inf), math.isinf(nan), math.isinf(1.0))
print(math.isnan(nan), math.isnan(inf), math.isnan(0.0), math.isnan(inf - inf))
print(1 / inf, -1 / inf, inf / inf, 5 % inf, -5 % inf)
print(0.0 == -0.0, str(-0.0), repr(-0.0), -0.0 + 0.0, -0.0 * 1, 0.0 * -1)
print(math.inf == inf, -math.inf == -inf, math.isnan(math.nan))
print(max(1.0, inf), min(1.0, -inf), abs(-inf))
print([inf, -inf, nan], (nan,), {1: inf})
print(str(inf), str(nan), repr(-nan))
print(inf ** 0, nan ** 0, 1 ** nan, 2 ** inf, 0.5 ** inf)
print(round(inf, 1), math.floor(2.5), math.ceil(2.5), math.floor(-2.5), math.ceil(-2.5))
print(sum([1.0, inf]), sum([inf, -inf]))
print(float("inf") is not None, inf != -inf)
big = 1.0
steps = 0
while not math.isinf(big):
    big *= 1000
    steps += 1
print("overflow to inf after", steps, "steps:", big)
small = 1.0
steps = 0
while small != 0.0:
    small /= 1000
    steps += 1
print("underflow to zero after", steps, "steps:", small)
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError", e)
