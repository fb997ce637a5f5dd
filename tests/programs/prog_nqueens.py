# N-Queens by backtracking; count solutions and print the first board
def solve(n):
    solutions = []
    cols = set()
    diag1 = set()
    diag2 = set()
    placement = []
    def place(row):
        if row == n:
            solutions.append(list(placement))
            return
        for c in range(n):
            if c in cols or row - c in diag1 or row + c in diag2:
                continue
            cols.add(c)
            diag1.add(row - c)
            diag2.add(row + c)
            placement.append(c)
            place(row + 1)
            placement.pop()
            cols.remove(c)
            diag1.remove(row - c)
            diag2.remove(row + c)
    place(0)
    return solutions
for n in range(1, 9):
    sols = solve(n)
    print(n, len(sols), sols[0] if sols else None)
first = solve(8)[0]
for r in range(8):
    print(" ".join("Q" if first[r] == c else "." for c in range(8)))
sols6 = solve(6)
print(sols6)
def is_valid(p):
    n = len(p)
    for i in range(n):
        for j in range(i + 1, n):
            if p[i] == p[j] or abs(p[i] - p[j]) == j - i:
                return False
    return True
print(all(is_valid(s) for s in solve(7)), is_valid([0, 1, 2, 3]))
mirrored = [[7 - c for c in s] for s in solve(8)]
print(sorted(mirrored) == sorted(solve(8)))
