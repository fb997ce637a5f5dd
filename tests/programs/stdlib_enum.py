# enum: Enum, IntEnum, StrEnum, Flag, IntFlag, auto and unique (no iteration over the class:
# stitch has no metaclasses, so the members are listed through __members__).
import copy
from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique


def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__ + ':', e)


def members(cls):
    return [m for name, m in cls.__members__.items() if m.name == name]


print('--- Enum')
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

    def describe(self):
        return '%s is %d' % (self.name.lower(), self.value)

    @property
    def warm(self):
        return self is Color.RED

    @classmethod
    def default(cls):
        return cls.GREEN

print(Color.RED, repr(Color.RED), str(Color.GREEN), Color.RED.name, Color.RED.value)
print(f'{Color.RED}', '{}|{:>12}|{:<11}|'.format(Color.BLUE, Color.RED, Color.GREEN), '%s' % Color.BLUE)
print(Color.RED == Color.RED, Color.RED == Color.GREEN, Color.RED != Color.BLUE, Color.RED == 1)
print(Color.CRIMSON is Color.RED, Color.CRIMSON, Color['GREEN'], Color['CRIMSON'])
print(Color(2), Color(1) == Color.RED, Color(Color.BLUE), Color(3).name, Color(1).describe())
print(isinstance(Color.RED, Color), type(Color.RED).__name__, isinstance(Color.RED, Enum))
print(Color.RED.describe(), Color.RED.warm, Color.BLUE.warm, Color.default())
print(members(Color), list(Color.__members__), len(Color.__members__))
print(Color.__members__['CRIMSON'], 'RED' in Color.__members__, Color._member_names_)
print(hash(Color.RED) == hash('RED'), {Color.RED: 'r', Color.GREEN: 'g'}[Color(1)])
print(sorted(members(Color), key=lambda m: m.value, reverse=True))
print({Color.RED, Color.CRIMSON, Color.BLUE} == {Color.BLUE, Color.RED}, Color.RED in [Color.RED])
print(copy.copy(Color.RED) is Color.RED, copy.deepcopy([Color.GREEN])[0] is Color.GREEN)
attempt('bad value', lambda: Color(7))
attempt('bad name', lambda: Color['PURPLE'])
attempt('order', lambda: Color.RED < Color.GREEN)
def set_value():
    Color.RED.value = 5
attempt('set value', set_value)
def extend():
    class More(Color):
        PINK = 4
attempt('extend', extend)

class Mood(Enum):
    HAPPY = 'happy'
    SAD = 'sad'
    _ignore_ = ['scratch']
    scratch = 'not a member'

    def __str__(self):
        return 'Mood(%s)' % self.value

print(Mood.HAPPY, repr(Mood.SAD), Mood('sad'), hasattr(Mood, 'scratch'))
print(members(Mood), f'{Mood.HAPPY}')

print('--- auto')
class Shape(Enum):
    SQUARE = auto()
    CIRCLE = auto()
    TRIANGLE = 10
    HEXAGON = auto()

print(members(Shape), [m.value for m in members(Shape)])

class Lower(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower() + str(count)
    NORTH = auto()
    SOUTH = auto()

print(members(Lower), Lower('south1'))

print('--- unique')
@unique
class Ok(Enum):
    A = 1
    B = 2

print(members(Ok))
def dup():
    @unique
    class Dup(Enum):
        A = 1
        B = 1
        C = 2
        D = 2
attempt('unique', dup)

print('--- IntEnum')
class Level(IntEnum):
    LOW = 1
    MID = 5
    HIGH = 10

print(Level.LOW, repr(Level.MID), str(Level.HIGH), format(Level.MID), f'{Level.HIGH:>5}|{Level.LOW:03d}')
print(Level.LOW == 1, Level.MID == 5.0, 1 == Level.LOW, Level.LOW < Level.HIGH, Level.MID > 3, 7 > Level.MID)
print(Level.LOW + 1, 2 * Level.MID, Level.HIGH // 3, Level.HIGH / 4, -Level.MID, Level.HIGH % 3, Level.LOW | 2)
print(int(Level.HIGH), float(Level.MID), hash(Level.MID) == hash(5), [0, 11, 22][Level.LOW], Level(10), Level(5) == 5)
print(sorted([Level.HIGH, Level.LOW, Level.MID]), max(Level.LOW, Level.HIGH), sum([Level.LOW, Level.MID]))
print({1: 'one'}[Level.LOW], Level.MID.bit_length(), Level['HIGH'], Level.HIGH.name, Level.LOW.value)
print(isinstance(Level.LOW, Level), bool(Level.LOW), abs(Level.HIGH), Level.HIGH ** 2, ~Level.LOW)
attempt('bad level', lambda: Level(3))

class Http(IntEnum):
    OK = 200
    NOT_FOUND = 404

    @property
    def phrase(self):
        return self.name.replace('_', ' ').title()

print(Http.NOT_FOUND.phrase, Http(200), Http.OK == 200, repr(Http(404)))

print('--- StrEnum')
class Method(StrEnum):
    GET = auto()
    POST = 'POST'

print(Method.GET, repr(Method.GET), str(Method.POST), Method.GET == 'get', Method.POST + '!', f'{Method.GET:>5}')
print(Method.GET.upper(), len(Method.POST), Method('get'), hash(Method.GET) == hash('get'))

print('--- Flag')
class Perm(Flag):
    R = 4
    W = 2
    X = 1

rw = Perm.R | Perm.W
print(repr(rw), str(rw), rw.name, rw.value, list(rw), len(rw), bool(rw))
print(repr(~Perm.R), repr(~rw), repr(Perm(0)), str(Perm(0)), Perm(0).name, bool(Perm(0)))
print(repr(Perm.X | Perm.R), list(Perm.X | Perm.R), repr(Perm(7)), repr(~Perm(7)))
print(Perm.R in rw, Perm.X in rw, repr(rw ^ Perm.R), repr(rw & Perm.W), repr(Perm.R & Perm.W))
print(Perm(6) == rw, Perm(4) == Perm.R, members(Perm), rw == Perm.R | Perm.W)
attempt('flag or int', lambda: Perm.R | 1)
attempt('flag bad', lambda: Perm(8).value)

class Color2(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE

print(members(Color2), repr(Color2.WHITE), repr(Color2.RED | Color2.GREEN | Color2.BLUE), list(Color2.WHITE))
print(repr(~Color2.RED), repr(Color2.WHITE & ~Color2.GREEN))

print('--- IntFlag')
class IP(IntFlag):
    R = 4
    W = 2
    X = 1

print(repr(IP.R | 8), repr(IP.R | IP.W), str(IP.R | IP.W), repr(~IP.R), format(IP.R), IP.R + 1)
print(repr(IP.R & 6), repr(IP(0)), str(IP(0)), IP.R == 4, IP.W | 1 == 3, repr(1 | IP.W), list(IP(7)))
print(IP.R in IP(6), int(IP.R | IP.X), sorted([IP.R, IP.X, IP.W]), hash(IP.W) == hash(2))

print('--- members with __init__')
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)

print(Planet.EARTH, Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 3))
print(Planet['MERCURY'].radius, [p.name for p in members(Planet)])

class Ordered(Enum):
    FIRST = 1
    SECOND = 2

    def __lt__(self, other):
        if type(other) is type(self):
            return self.value < other.value
        return NotImplemented

print(sorted([Ordered.SECOND, Ordered.FIRST]), Ordered.FIRST < Ordered.SECOND)
table = {}
for m in members(Color) + members(Level):
    table[m] = m.name
print(table)
print(Color.__members__)
print(Level.__members__, len(Perm.__members__), list(Perm.__members__.items())[0])
print('{:d} {:x} {}'.format(Level.HIGH, IP.R | IP.W, Level.LOW), '%s %r' % (Level.MID, Perm.R))
print(repr(Ok.__members__))
print(Planet((5.976e+24, 6.37814e6)), Planet((5.976e+24, 6.37814e6)).mass, Planet['EARTH'].value)
attempt('planet bad', lambda: Planet((1, 2)))

class Coord(Enum):
    def __init__(self, label):
        self.label = label.upper()

class Axis(Coord):
    X = 'x'
    Y = 'y'

print(Axis.X.label, Axis('y'), Axis('y').label, repr(Axis.X))
