# Hexiom solver.
#
# A hexagonal board holds numbered tiles (0-6) and empty spots.  Tiles must be
# rearranged so that every numbered tile has exactly that many occupied
# neighbours.  Tiles marked with '+' are locked in place.  The solver uses
# constraint propagation plus depth-first search.

import io

EMPTY = 7
DIRECTIONS = [(1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, -1)]


class Contradiction(Exception):
    pass


class PuzzleError(Exception):
    pass


class Cell(object):

    def __init__(self, pos, ident):
        self.pos = pos
        self.ident = ident
        self.links = []


class HexGrid(object):
    """Cells of a hexagon with `size` cells per side, in reading order."""

    def __init__(self, size):
        self.size = size
        self.count = 3 * size * (size - 1) + 1
        self.cells = []
        self.by_pos = {}
        for y, xs in self.rows():
            for x in xs:
                cell = Cell((x, y), len(self.cells))
                self.cells.append(cell)
                self.by_pos[(x, y)] = cell
        for cell in self.cells:
            x, y = cell.pos
            for dx, dy in DIRECTIONS:
                other = self.by_pos.get((x + dx, y + dy))
                if other is not None:
                    cell.links.append(other.ident)

    def rows(self):
        size = self.size
        for y in range(size):
            yield y, range(size + y)
        for y in range(1, size):
            yield size + y - 1, range(y, size * 2 - 1)


class State(object):
    """Candidate values for every cell; a cell is decided when one is left."""

    def __init__(self, grid, tiles, candidates=None):
        self.grid = grid
        self.tiles = tiles
        if candidates is None:
            candidates = [[v for v in range(8) if tiles[v] > 0]
                          for i in range(grid.count)]
        self.candidates = candidates

    def clone(self):
        return State(self.grid, self.tiles, [c[:] for c in self.candidates])

    def decided(self, i):
        return len(self.candidates[i]) == 1

    def value(self, i):
        return self.candidates[i][0]

    def fix(self, i, v):
        if v not in self.candidates[i]:
            raise Contradiction("cell %d cannot hold %d" % (i, v))
        self.candidates[i] = [v]

    def discard(self, i, v):
        cell = self.candidates[i]
        if v in cell:
            if len(cell) == 1:
                raise Contradiction("cell %d lost its last value" % i)
            cell.remove(v)
            return True
        return False

    def neighbour_counts(self, i):
        filled = unknown = 0
        for j in self.grid.cells[i].links:
            if self.decided(j):
                if self.value(j) != EMPTY:
                    filled += 1
            else:
                unknown += 1
        return filled, unknown


def propagate(state):
    """Apply deductions until nothing changes; raise Contradiction on failure."""
    changed = True
    rounds = 0
    while changed:
        changed = False
        rounds += 1
        count = state.grid.count

        # 1. a number must lie between the surely-filled and possibly-filled
        #    neighbour counts
        for i in range(count):
            if state.decided(i):
                continue
            filled, unknown = state.neighbour_counts(i)
            for v in state.candidates[i][:]:
                if v != EMPTY and (v < filled or v > filled + unknown):
                    if state.discard(i, v):
                        changed = True

        # 2. tile supply
        for v in range(8):
            used = 0
            possible = []
            for i in range(count):
                if state.decided(i):
                    if state.value(i) == v:
                        used += 1
                elif v in state.candidates[i]:
                    possible.append(i)
            if used > state.tiles[v]:
                raise Contradiction("too many %d tiles" % v)
            if used == state.tiles[v]:
                for i in possible:
                    if state.discard(i, v):
                        changed = True
            elif used + len(possible) < state.tiles[v]:
                raise Contradiction("not enough room for %d tiles" % v)
            elif used + len(possible) == state.tiles[v]:
                for i in possible:
                    state.fix(i, v)
                    changed = True

        # 3. a decided number forces its undecided neighbours
        for i in range(count):
            if not state.decided(i) or state.value(i) == EMPTY:
                continue
            num = state.value(i)
            filled, unknown = state.neighbour_counts(i)
            if num < filled or num > filled + unknown:
                raise Contradiction("cell %d cannot be satisfied" % i)
            if unknown == 0:
                continue
            links = [j for j in state.grid.cells[i].links if not state.decided(j)]
            if num == filled:
                for j in links:
                    state.fix(j, EMPTY)
                changed = True
            elif num == filled + unknown:
                for j in links:
                    if state.discard(j, EMPTY):
                        changed = True
    return rounds


def is_solved(state):
    for i in range(state.grid.count):
        if not state.decided(i):
            return False
    for i in range(state.grid.count):
        v = state.value(i)
        if v != EMPTY and state.neighbour_counts(i) != (v, 0):
            return False
    return True


def choose_cell(state):
    """Undecided cell whose largest possible number is highest."""
    best = -1
    best_value = -1
    for i in range(state.grid.count):
        if state.decided(i):
            continue
        numbers = [v for v in state.candidates[i] if v != EMPTY]
        top = max(numbers) if numbers else 0
        if top > best_value:
            best_value = top
            best = i
    return best


class Solver(object):

    def __init__(self):
        self.nodes = 0
        self.dead_ends = 0

    def search(self, state):
        self.nodes += 1
        try:
            propagate(state)
        except Contradiction:
            self.dead_ends += 1
            return None
        if is_solved(state):
            return state
        i = choose_cell(state)
        if i < 0:
            self.dead_ends += 1
            return None
        cands = state.candidates[i]
        order = list(reversed(sorted(v for v in cands if v != EMPTY)))
        if EMPTY in cands:
            order.append(EMPTY)
        for v in order:
            child = state.clone()
            child.fix(i, v)
            result = self.search(child)
            if result is not None:
                return result
        return None


def parse(text):
    lines = [line.strip() for line in text.strip().splitlines()]
    size = int(lines[0])
    grid = HexGrid(size)
    rows = list(grid.rows())
    if len(lines) - 1 != len(rows):
        raise PuzzleError("expected %d rows, got %d" % (len(rows), len(lines) - 1))
    tiles = [0] * 8
    locked = {}
    for (y, xs), line in zip(rows, lines[1:]):
        tokens = line.split()
        if len(tokens) != len(xs):
            raise PuzzleError("row %d: expected %d cells" % (y, len(xs)))
        for x, token in zip(xs, tokens):
            lock = token.startswith("+")
            body = token[1:] if lock else token
            v = EMPTY if body == "." else int(body)
            tiles[v] += 1
            if lock:
                locked[(x, y)] = v
    state = State(grid, tiles)
    for pos in sorted(locked):
        state.fix(grid.by_pos[pos].ident, locked[pos])
    return state


def render(state, out):
    grid = state.grid
    size = grid.size
    for y, xs in grid.rows():
        indent = abs(size - 1 - y)
        parts = []
        for x in xs:
            i = grid.by_pos[(x, y)].ident
            if not state.decided(i):
                parts.append("?")
            elif state.value(i) == EMPTY:
                parts.append(".")
            else:
                parts.append(str(state.value(i)))
        print(" " * indent + " ".join(parts), file=out)


PUZZLES = {}

PUZZLES["tiny"] = """
2
 . 1
1 . 1
 . 1
"""

PUZZLES["small"] = """
3
  1 4 .
 3 4 3 4
3 . 3 . .
 1 2 +. 4
  . 3 1
"""

PUZZLES["medium"] = """
4
   3 4 2 5
  2 1 +. . .
 4 . . . . 4
. 3 . . . +3 3
 3 2 . 3 3 3
  3 4 5 3 .
   . . . 1
"""

PUZZLES["large"] = """
4
   5 2 4 +.
  3 . 5 . 3
 4 2 4 1 2 .
. 3 +5 3 2 . .
 . . . 3 4 .
  . . 1 5 4
   . 2 . 5
"""

PUZZLES["broken"] = """
2
 . 1
1 . 1
"""


def solve_text(name, text):
    out = io.StringIO()
    try:
        state = parse(text)
    except PuzzleError as e:
        print("%s: bad puzzle (%s)" % (name, e))
        return None
    counts = ", ".join("%d:%d" % (v, state.tiles[v])
                       for v in range(8) if state.tiles[v])
    solver = Solver()
    solution = solver.search(state)
    if solution is None:
        print("%s: no solution (%d nodes, %d dead ends)"
              % (name, solver.nodes, solver.dead_ends))
        return None
    render(solution, out)
    print("%s: tiles {%s} solved in %d nodes, %d dead ends"
          % (name, counts, solver.nodes, solver.dead_ends))
    print(out.getvalue(), end="")
    return out.getvalue()


def main():
    results = {}
    for name in ["tiny", "small", "broken", "medium", "large"]:
        results[name] = solve_text(name, PUZZLES[name])
    solved = sorted(name for name in results if results[name] is not None)
    print("solved:", ", ".join(solved))
    digest = 0
    for name in solved:
        for ch in "".join(results[name].split()):
            digest = (digest * 131 + ord(ch)) % 2147483647
    print("digest:", digest)


if __name__ == "__main__":
    main()
