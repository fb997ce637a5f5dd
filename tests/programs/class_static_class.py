# staticmethod and classmethod, alternative constructors
class Temperature:
    scale = "C"
    instances = 0
    def __init__(self, degrees):
        self.degrees = degrees
        Temperature.instances += 1
    @staticmethod
    def c_to_f(c):
        return c * 9 / 5 + 32
    @staticmethod
    def valid(c):
        return c >= -273.15
    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)
    @classmethod
    def describe(cls):
        return cls.__name__ + " in " + cls.scale
    def fahrenheit(self):
        return self.c_to_f(self.degrees)
t = Temperature(100)
print(t.fahrenheit(), Temperature.c_to_f(0), t.c_to_f(-40), Temperature.valid(-300))
u = Temperature.from_fahrenheit(212)
print(u.degrees, type(u).__name__, Temperature.instances)
print(Temperature.describe(), t.describe())
class Kelvin(Temperature):
    scale = "K"
    def fahrenheit(self):
        return "n/a"
k = Kelvin.from_fahrenheit(32)
print(type(k).__name__, k.degrees, k.fahrenheit(), Kelvin.describe(), Temperature.instances)
class Registry:
    items = []
    @classmethod
    def register(cls, item):
        cls.items.append(item)
        return len(cls.items)
    @classmethod
    def count(cls):
        return len(cls.items)
    @staticmethod
    def normalize(name):
        return name.strip().lower()
print(Registry.register(Registry.normalize("  Alpha ")), Registry.register("beta"))
print(Registry.count(), Registry.items)
class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def parse(cls, s):
        y, m, d = s.split("-")
        return cls(int(y), int(m), int(d))
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __repr__(self):
        return "Date(%d, %d, %d)" % (self.y, self.m, self.d)
dt = Date.parse("2024-02-29")
print(dt, Date.is_leap(2024), Date.is_leap(1900), Date.is_leap(2000), dt.is_leap(2023))
sm = Date.is_leap
print(sm(1996), [y for y in range(1896, 1912) if Date.is_leap(y)])
