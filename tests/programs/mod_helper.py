# Helper module imported by mod_import_*.py programs (not a program itself).
GREETING = "hello from mod_helper"
SCALE = 3
_calls = []


def scale(x, factor=SCALE):
    _calls.append(x)
    return x * factor


def call_count():
    return len(_calls)


class Shape:
    sides = 0

    def __init__(self, name):
        self.name = name

    def describe(self):
        return self.name + " with " + str(self.sides) + " sides"


class Triangle(Shape):
    sides = 3

    def area(self, base, height):
        return base * height / 2


def make_triangle():
    return Triangle("triangle")


if __name__ == "__main__":
    print("mod_helper run directly")
