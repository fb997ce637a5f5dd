# typing.Protocol: structural isinstance()/issubclass() for @runtime_checkable protocols.
from typing import Protocol, runtime_checkable


@runtime_checkable
class HasArea(Protocol):
    def area(self) -> float:
        ...


@runtime_checkable
class Named(Protocol):
    name: str


@runtime_checkable
class Shape(HasArea, Protocol):
    sides: int


class NotChecked(Protocol):
    def go(self):
        ...


class Square:
    sides = 4

    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s


class Person:
    def __init__(self, name):
        self.name = name


class WithProperty:
    @property
    def name(self):
        return "prop"


class Explicit(HasArea):
    def area(self):
        return 1.0


class NoneArea:
    area = None


objects = [Square(3), Person("ann"), WithProperty(), Explicit(), NoneArea(), 5, "text"]
for obj in objects:
    print(type(obj).__name__, isinstance(obj, HasArea), isinstance(obj, Named), isinstance(obj, Shape))
print(issubclass(Square, HasArea), issubclass(Person, HasArea), issubclass(Explicit, HasArea), issubclass(NoneArea, HasArea))
try:
    isinstance(Square(1), NotChecked)
except TypeError as e:
    print("TypeError:", e)
try:
    runtime_checkable(Square)
except TypeError as e:
    print("TypeError:", str(e)[:50])
count = 0
for i in range(500):
    if isinstance(objects[i % len(objects)], HasArea):
        count += 1
print(count, Explicit().area())
