# sum() over a generator of objects whose addition runs Python code: the running total must
# stay rooted while the generator produces the next item (a collection can happen there).
class F:
    def __init__(self, n):
        self.n = n

    def __add__(self, o):
        return F(self.n + o.n)

    def __radd__(self, o):
        return F(o + self.n)


print(sum(F(n) for n in range(20)).n)
print(sum((F(n) for n in range(50)), F(1000)).n)
print(sum([F(n) for n in range(10)]).n)
total = 0
for k in range(200):
    total += sum(F(n) for n in range(k % 7)).n if k % 7 else 0
print(total)
