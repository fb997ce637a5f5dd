def count_to(n):
    i = 0
    while i < n:
        yield i
        i += 1
def chain(*its):
    for it in its:
        yield from it
t = 0
for k in range(50):
    for x in chain(count_to(100), range(50)):
        t += x
print(t)
