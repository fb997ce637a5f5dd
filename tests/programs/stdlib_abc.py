from abc import ABC, ABCMeta, abstractmethod

class Shape(ABC):
    @abstractmethod
    def area(self):
        ...
    @abstractmethod
    def perimeter(self):
        ...
    def describe(self):
        return f"{type(self).__name__} with area {self.area()}"

class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
    def perimeter(self):
        return 4 * self.s

class Half(Shape):
    def area(self):
        return 1

for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)
sq = Square(3)
print(sq.describe(), sq.perimeter(), isinstance(sq, Shape), issubclass(Square, Shape), sorted(Shape.__abstractmethods__), Square.__abstractmethods__)

class Drawable(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Drawable:
            return hasattr(C, "draw")
        return NotImplemented

class Circle:
    def draw(self):
        return "circle"
class Text:
    pass
print(isinstance(Circle(), Drawable), isinstance(Text(), Drawable), issubclass(Circle, Drawable), isinstance(1, (Drawable, int)))

class Sized2(ABC):
    pass
Sized2.register(list)
print(isinstance([], Sized2), isinstance((), Sized2), issubclass(list, Sized2))
@Sized2.register
class Mine:
    pass
print(isinstance(Mine(), Sized2), type(Shape).__name__, type(Square) is ABCMeta)
try:
    Sized2.register(5)
except TypeError as e:
    print("TypeError:", e)
