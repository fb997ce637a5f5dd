# format() and f-strings call an instance's __format__ even with an empty spec; !a escapes
# non-ASCII; a __format__ that returns a non-str is a TypeError.
class B:
    def __format__(self, spec):
        return "F" + spec
print(f"{B()}", f"{B():x}", format(B(), "y"), "{}".format(B()))
print(f"{'é'!a}", f"{[1, 'ü']!a:>12}", f"{B()!r:.5}")
class N:
    def __format__(self, spec):
        return 5
try:
    f"{N()}"
except TypeError as e:
    print(e)
