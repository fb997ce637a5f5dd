# Conway's Game of Life on a small toroidal grid
W, H = 8, 6
def make(cells):
    grid = [[0] * W for _ in range(H)]
    for r, c in cells:
        grid[r][c] = 1
    return grid
def neighbours(grid, r, c):
    total = 0
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            if dr or dc:
                total += grid[(r + dr) % H][(c + dc) % W]
    return total
def step(grid):
    new = [[0] * W for _ in range(H)]
    for r in range(H):
        for c in range(W):
            n = neighbours(grid, r, c)
            if grid[r][c]:
                new[r][c] = 1 if n in (2, 3) else 0
            else:
                new[r][c] = 1 if n == 3 else 0
    return new
def render(grid):
    return "\n".join("".join("#" if v else "." for v in row) for row in grid)
def population(grid):
    return sum(sum(row) for row in grid)
glider = make([(0, 1), (1, 2), (2, 0), (2, 1), (2, 2)])
g = glider
for gen in range(5):
    print("generation", gen, "population", population(g))
    print(render(g))
    g = step(g)
blinker = make([(2, 3), (2, 4), (2, 5)])
b1 = step(blinker)
b2 = step(b1)
print(render(b1))
print("blinker period 2:", b2 == blinker, b1 != blinker)
block = make([(1, 1), (1, 2), (2, 1), (2, 2)])
print("block still life:", step(block) == block)
g = glider
period = 4 * 24
for gen in range(period):
    g = step(g)
    if gen in (3, 7, 47):
        print("after", gen + 1, "steps same as start:", g == glider)
print("glider returns after", period, "steps:", g == glider, population(g))
