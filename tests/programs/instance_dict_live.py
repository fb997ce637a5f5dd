import copy
class P:
    def __init__(self, **kw):
        self.__dict__.update(kw)

    def norm(self):
        return self.x * self.x + self.y * self.y


p = P(x=3, y=4)
print(p.x, p.y, p.norm())
print(p.__dict__)
p.z = 5
print(vars(p))
vars(p)['w'] = 6
print(p.w, sorted(dir(p))[-4:])
del p.x
print(p.__dict__, hasattr(p, 'x'))
p.__dict__.pop('y')
try:
    p.y
except AttributeError as e:
    print('AttributeError', e)
d = p.__dict__
p.q = 1
print(d is p.__dict__, d)
p.__dict__ = {'a': 1}
print(p.a, p.__dict__, d)
try:
    p.__dict__ = 5
except TypeError as e:
    print('TypeError', e)


class Q:
    __slots__ = ('a',)


q = Q()
q.a = 1
print(hasattr(q, '__dict__'))


class Counter:
    def __init__(self):
        self.n = 0

    def bump(self):
        self.n += 1


cs = [Counter() for _ in range(3)]
cs[1].__dict__['n'] = 100
total = 0
for i in range(3000):
    c = cs[i % 3]
    c.bump()
    total += c.n
print(total, [c.n for c in cs], [c.__dict__ for c in cs])


class Prop:
    @property
    def v(self):
        return 'prop'


pr = Prop()
pr.__dict__['v'] = 'shadow'
print(pr.v, pr.__dict__)
setattr(pr, 'k', 2)
print(getattr(pr, 'k'), pr.__dict__)
pr.__dict__.clear()
print(pr.__dict__, getattr(pr, 'k', 'gone'))


class E(Exception):
    pass


e = E('msg')
e.__dict__['extra'] = 1
print(e.extra, e.args, e.__dict__)
a = P(x=[1], y=2)
b = copy.deepcopy(a)
b.x.append(2)
print(a.__dict__, b.__dict__, type(b).__name__)
from dataclasses import dataclass
@dataclass(frozen=True)
class F:
    a: int
    b: list
f = F(1, [2])
g = copy.deepcopy(f)
print(g, g == f, g.b is f.b)
h = copy.copy(f)
print(h, h.b is f.b)
class S:
    def __setattr__(self, k, v):
        raise AttributeError('readonly')
s = S()
object.__setattr__(s, 'x', 1)
t = copy.copy(s)
print(t.x)
