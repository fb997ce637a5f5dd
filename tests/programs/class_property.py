# @property getters and setters with validation
class Circle:
    def __init__(self, r):
        self.radius = r
    @property
    def radius(self):
        return self._r
    @radius.setter
    def radius(self, value):
        if value < 0:
            raise ValueError("radius must be non-negative")
        self._r = value
    @property
    def diameter(self):
        return self._r * 2
    @property
    def area(self):
        return 3.14159 * self._r ** 2
c = Circle(2)
print(c.radius, c.diameter, c.area)
c.radius = 5
print(c.radius, c.diameter, c.area)
c.radius += 1
print(c.radius)
try:
    c.radius = -1
except ValueError as e:
    print("ValueError", e)
try:
    c.diameter = 10
except AttributeError as e:
    print("AttributeError", e)
try:
    Circle(-3)
except ValueError as e:
    print("ValueError", e)
class Person:
    def __init__(self, first, last):
        self.first = first
        self.last = last
    @property
    def full(self):
        return self.first + " " + self.last
    @full.setter
    def full(self, name):
        self.first, self.last = name.split(" ")
p = Person("Ada", "Lovelace")
print(p.full)
p.full = "Grace Hopper"
print(p.first, p.last, p.full)
class Temp:
    def __init__(self):
        self._c = 0
        self.log = []
    @property
    def celsius(self):
        self.log.append("get")
        return self._c
    @celsius.setter
    def celsius(self, v):
        self.log.append("set " + str(v))
        self._c = v
    @property
    def fahrenheit(self):
        return self.celsius * 9 / 5 + 32
t = Temp()
t.celsius = 25
print(t.fahrenheit, t.celsius, t.log)
class Sub(Circle):
    @property
    def area(self):
        return round(super().area, 2)
s = Sub(1.5)
print(s.area, s.diameter)
