l = [1, 2]
l.append(l)
print(l, repr(l))
d = {"a": 1}
d["self"] = d
print(d)
m = [d, l]
print(m)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print("RuntimeError:", e)
dd = {1: 2}
try:
    for k in dd:
        dd[k + 1] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
print(hex(255), (5).bit_length())
print((5).as_integer_ratio(), (2.5).as_integer_ratio(), (0.1).as_integer_ratio(), (-0.75).as_integer_ratio(), (0.0).as_integer_ratio())
print((2.0).is_integer(), (2.5).is_integer(), (255).bit_count(), (-8).bit_length(), (10**30).bit_length(), True.bit_length())
try: (1.0).bit_length()
except AttributeError as e: print(e)
try: (5).bit_length(1)
except TypeError as e: print(e)
try: float('inf').as_integer_ratio()
except OverflowError as e: print(e)
