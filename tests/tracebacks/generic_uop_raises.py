class Box:
    def __init__(self, v):
        self.v = v

    def __format__(self, spec):
        if self.v == 700:
            raise ValueError("no format for 700")
        return str(self.v)


def label(n):
    out = 0
    for i in range(n):
        s = f"[{Box(i)}]"
        out += len(s + "!")
    return out


print(label(500))
print(label(1000))
