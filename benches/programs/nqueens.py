# N-Queens by brute force: generate every permutation of the columns and keep
# those where no two queens share a diagonal.


def permutations(iterable, r=None):
    """Yield r-length permutations of iterable, in lexicographic index order."""
    pool = tuple(iterable)
    n = len(pool)
    if r is None:
        r = n
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n - r + 1, n + 1))[::-1]
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


def n_queens(queen_count):
    """Yield every solution as a tuple: vec[row] = column."""
    cols = range(queen_count)
    for vec in permutations(cols):
        if (queen_count == len(set(vec[i] + i for i in cols))
                == len(set(vec[i] - i for i in cols))):
            yield vec


def main():
    for size in range(4, 8):
        print("%d queens: %d solutions" % (size, len(list(n_queens(size)))))
    total = 0
    first = None
    last = None
    for rep in range(5):
        solutions = list(n_queens(8))
        total += len(solutions)
        first = solutions[0]
        last = solutions[-1]
    print("8 queens: %d solutions per run, %d total" % (len(solutions), total))
    print("first:", first)
    print("last:", last)
    checksum = 0
    for sol in solutions:
        for col in sol:
            checksum = (checksum * 31 + col) % 1000000007
    print("checksum:", checksum)


if __name__ == "__main__":
    main()
