# Single inheritance, overriding, super(), explicit Base.method(self)
class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + " makes a sound"
    def describe(self):
        return self.name + " is a " + self.kind + ": " + self.speak()
class Dog(Animal):
    kind = "dog"
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
    def speak(self):
        return self.name + " barks"
class Puppy(Dog):
    def speak(self):
        return super().speak() + " softly"
    def base_speak(self):
        return Animal.speak(self)
class Cat(Animal):
    kind = "cat"
a = Animal("generic")
d = Dog("rex", "lab")
p = Puppy("bit", "pug")
c = Cat("tom")
for x in (a, d, p, c):
    print(x.describe())
print(p.base_speak(), p.breed, Dog.speak(p))
print(isinstance(p, Puppy), isinstance(p, Dog), isinstance(p, Animal), isinstance(d, Puppy))
print(isinstance(c, Dog), isinstance(c, (Dog, Cat)), isinstance(5, (str, int)))
print(issubclass(Puppy, Animal), issubclass(Dog, Puppy), issubclass(Cat, Cat), issubclass(Dog, object))
print(type(p).__name__, type(p) is Puppy, type(p) == Dog, p.__class__.__name__)
class Shape:
    def area(self):
        raise NotImplementedError("subclass must implement area")
    def summary(self):
        return type(self).__name__ + " area=" + str(self.area())
class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
shapes = [Rect(2, 3), Square(4)]
for s in shapes:
    print(s.summary())
try:
    Shape().summary()
except NotImplementedError as e:
    print("NotImplementedError", e)
class Base:
    def __init__(self):
        self.log = ["Base"]
class Mid(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Mid")
class Leaf(Mid):
    def __init__(self):
        super().__init__()
        self.log.append("Leaf")
print(Leaf().log)
print(Dog.kind, Puppy.kind, Cat.kind, Animal.kind)
