# Nested lists as matrices, copying and aliasing
grid = [[r * 3 + c for c in range(3)] for r in range(3)]
print(grid)
for row in grid:
    print(" ".join(str(v).rjust(2) for v in row))
transposed = [[grid[r][c] for r in range(3)] for c in range(3)]
print(transposed)
diag = [grid[i][i] for i in range(3)]
anti = [grid[i][2 - i] for i in range(3)]
print(diag, anti, sum(diag), sum(anti))
shallow = grid[:]
shallow[0][0] = 100
shallow[1] = ["replaced"]
print(grid)
print(shallow)
deep = [row[:] for row in grid]
deep[2][2] = -1
print(grid[2], deep[2])
board = [["."] * 4 for _ in range(4)]
for i in range(4):
    board[i][i] = "X"
    board[i][3 - i] = "O"
for row in board:
    print("".join(row))
tri = []
for n in range(6):
    row = [1] * (n + 1)
    for k in range(1, n):
        row[k] = tri[n - 1][k - 1] + tri[n - 1][k]
    tri.append(row)
for row in tri:
    print(row)
print(len(tri), sum(len(r) for r in tri), tri[-1][2])
cube = [[[i + j + k for k in range(2)] for j in range(2)] for i in range(2)]
print(cube, cube[1][0][1])
jag = [[1], [2, 3], [4, 5, 6]]
print([len(r) for r in jag], [r[-1] for r in jag], max(jag, key=len))
