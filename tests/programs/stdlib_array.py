from array import array
for tc, v in [('b',200),('b',-200),('B',-1),('B',300),('h',40000),('h',-40000),('H',-1),('H',70000),('i',2**31),('i',-2**31-1),('I',-1),('I',2**32),('l',2**63),('q',2**63),('Q',-1),('Q',2**64)]:
    try: array(tc,[v])
    except Exception as e: print(tc, v, type(e).__name__, e)
for f in [lambda: array('i',[1.5]), lambda: array('d',['x']), lambda: array('z'), lambda: array('i',[1]).pop(), lambda: array('i').pop(), lambda: array('i',[1]).remove(5), lambda: array('i',[1]).index(5), lambda: array('i',[1])+[1], lambda: array('i',[1])+array('d',[1]), lambda: array('i',[1]).extend(array('d')), lambda: array('i',[1,2])[5], lambda: array('i').fromlist((1,))]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
a = array('i', [1, 2, 3]); a[1:2] = array('i', [7, 8]); print(a)
try: a[0:1] = [1]
except Exception as e: print(type(e).__name__, e)
print(array('f', [0.1]), array('d', [1, 2]) * 2, 3 * array('b', [1]), array('i', [3, 1]) < array('i', [3, 2]), array('i', [1]) == array('d', [1.0]), a.itemsize, array('d').itemsize, a.typecode)
big = array('Q', [2**64 - 1, 5]); print(big, big[0], big.tolist())
a = array('l', range(10))
a.insert(0, -1); a.insert(100, 99); a.append(7); a.extend([8, 9]); a.extend(array('l', [1]))
print(a, a.count(7), a.index(7), a.index(9, 5), 7 in a, 100 in a, len(a))
del a[0]; del a[::2]; print(a)
a.reverse(); print(a, a.pop(), a.pop(0), a[-1], a[2:5], a[::-1])
b = array('d', [1.5, 2.5]); b += array('d', [3.5]); b *= 2; print(b, sum(b), list(b), max(b))
c = array('i', [0]) * 5; c[::2] = array('i', [1, 1, 1]); print(c)
a.fromlist([5, 6]); print(a.tolist(), repr(array('i')), str(array('u' if False else 'i', [1])))
grid = array('d', [0.0]) * 1000
for i in range(1000):
    grid[i] = i * 0.5
print(sum(grid), grid[999])
