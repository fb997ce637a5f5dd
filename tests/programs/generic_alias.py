x: list[int] = [1]
y: dict[str, list[int]] = {}
z: tuple[int, ...] = ()
class C:
    a: set[frozenset[str]]
    b: type[int] = int
print(__annotations__, C.__annotations__)
print(list[int], list[int] == list[int], list[int] == list[str], list[int](range(3)), dict[str, int](a=1))
print(list[int].__origin__, list[int].__args__, tuple[()])
