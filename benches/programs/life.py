# Conway's game of life on a torus: a grid of lists, neighbour counts, a glider gun's worth of
# random start cells, run for a number of generations; prints the population as it goes.
import random


def make_grid(width, height, seed):
    random.seed(seed)
    rng = random
    return [[1 if rng.random() < 0.3 else 0 for _ in range(width)] for _ in range(height)]


def step(grid, width, height):
    new = []
    for y in range(height):
        above = grid[(y - 1) % height]
        row = grid[y]
        below = grid[(y + 1) % height]
        out = []
        for x in range(width):
            left = (x - 1) % width
            right = (x + 1) % width
            n = (above[left] + above[x] + above[right]
                 + row[left] + row[right]
                 + below[left] + below[x] + below[right])
            if row[x]:
                out.append(1 if n == 2 or n == 3 else 0)
            else:
                out.append(1 if n == 3 else 0)
        new.append(out)
    return new


def population(grid):
    return sum(sum(row) for row in grid)


def main():
    width, height = 64, 48
    grid = make_grid(width, height, 7)
    for gen in range(400):
        if gen % 50 == 0:
            print("generation", gen, "population", population(grid))
        grid = step(grid, width, height)
    print("final population", population(grid))
    print("".join("#" if c else "." for c in grid[0]))


main()
