# A small finite-domain constraint solver: variables with domains, constraints that prune the
# domains of their neighbours (propagation to a fixed point), and depth-first search with
# smallest-domain-first branching.  It solves sudokus, counts N-queens solutions and colours a
# map, printing the solutions, search statistics and a checksum.


class Variable:
    def __init__(self, name, values):
        self.name = name
        self.domain = set(values)
        self.constraints = []

    def is_bound(self):
        return len(self.domain) == 1

    def value(self):
        for v in self.domain:
            return v
        return None

    def __repr__(self):
        return "Variable(%s, %d values)" % (self.name, len(self.domain))


class Inconsistent(Exception):
    pass


class Constraint:
    kind = "constraint"

    def __init__(self, variables):
        self.variables = list(variables)
        for var in self.variables:
            var.constraints.append(self)
        self.calls = 0

    def propagate(self, trail):
        # Subclasses narrow domains; the base class only counts the call.
        self.calls += 1
        return []

    def remove(self, var, value, trail):
        if value in var.domain:
            trail.append((var, value))
            var.domain.discard(value)
            if not var.domain:
                raise Inconsistent(var.name)
            return True
        return False

    def describe(self):
        return "%s over %d variables" % (self.kind, len(self.variables))


class AllDifferent(Constraint):
    kind = "all-different"

    def __init__(self, variables):
        super().__init__(variables)
        self.size = len(self.variables)

    def propagate(self, trail):
        changed = super().propagate(trail)
        for var in self.variables:
            if var.is_bound():
                v = var.value()
                for other in self.variables:
                    if other is not var and self.remove(other, v, trail):
                        changed.append(other)
        # Hidden single: a value that fits only one variable must go there.
        places = {}
        for var in self.variables:
            for v in var.domain:
                if v in places:
                    places[v].append(var)
                else:
                    places[v] = [var]
        if len(places) < self.size:
            raise Inconsistent("pigeonhole")
        for v, where in places.items():
            if len(where) == 1 and len(where[0].domain) > 1:
                var = where[0]
                for w in list(var.domain):
                    if w != v:
                        self.remove(var, w, trail)
                changed.append(var)
        return changed

    def describe(self):
        return super().describe() + " (size %d)" % self.size


class Relation(Constraint):
    """A binary constraint given by a predicate on the two values."""

    kind = "relation"

    def __init__(self, a, b, test, label):
        super().__init__([a, b])
        self.a = a
        self.b = b
        self.test = test
        self.label = label

    def revise(self, x, y, flip, trail):
        test = self.test
        dropped = False
        for vx in list(x.domain):
            ok = False
            for vy in y.domain:
                if (test(vy, vx) if flip else test(vx, vy)):
                    ok = True
                    break
            if not ok:
                self.remove(x, vx, trail)
                dropped = True
        return dropped

    def propagate(self, trail):
        changed = super().propagate(trail)
        if self.revise(self.a, self.b, False, trail):
            changed.append(self.a)
        if self.revise(self.b, self.a, True, trail):
            changed.append(self.b)
        return changed

    def describe(self):
        return "%s: %s %s %s" % (super().describe(), self.a.name, self.label, self.b.name)


class NotEqual(Relation):
    kind = "not-equal"

    def __init__(self, a, b):
        super().__init__(a, b, lambda x, y: x != y, "!=")

    def propagate(self, trail):
        # Cheaper than the generic revision: only a bound side can prune the other.
        self.calls += 1
        changed = []
        if self.a.is_bound() and self.remove(self.b, self.a.value(), trail):
            changed.append(self.b)
        if self.b.is_bound() and self.remove(self.a, self.b.value(), trail):
            changed.append(self.a)
        return changed


def make_offset_test(distance):
    # Queens on columns i and j must not share a diagonal: |row_i - row_j| != j - i.
    def test(x, y):
        return x != y and abs(x - y) != distance
    return test


class Solver:
    def __init__(self, variables, constraints):
        self.variables = variables
        self.constraints = constraints
        self.nodes = 0
        self.failures = 0
        self.propagations = 0

    def propagate(self, queue, trail):
        pending = list(queue)
        queued = set(id(c) for c in pending)
        while pending:
            con = pending.pop()
            queued.discard(id(con))
            self.propagations += 1
            for var in con.propagate(trail):
                for other in var.constraints:
                    if other is not con and id(other) not in queued:
                        queued.add(id(other))
                        pending.append(other)

    def undo(self, trail, mark):
        while len(trail) > mark:
            var, value = trail.pop()
            var.domain.add(value)

    def solve(self, limit):
        solutions = []
        trail = []
        stats = {"deepest": 0}

        def choose():
            best = None
            for var in self.variables:
                n = len(var.domain)
                if n > 1 and (best is None or n < len(best.domain)):
                    best = var
            return best

        def search(depth):
            if len(solutions) >= limit:
                return
            self.nodes += 1
            if depth > stats["deepest"]:
                stats["deepest"] = depth
            var = choose()
            if var is None:
                solutions.append([v.value() for v in self.variables])
                return
            for value in sorted(var.domain):
                mark = len(trail)
                try:
                    for other in list(var.domain):
                        if other != value:
                            trail.append((var, other))
                            var.domain.discard(other)
                    self.propagate(var.constraints, trail)
                    search(depth + 1)
                except Inconsistent:
                    self.failures += 1
                self.undo(trail, mark)
                if len(solutions) >= limit:
                    return

        try:
            self.propagate(self.constraints, trail)
        except Inconsistent:
            return solutions, stats["deepest"]
        search(0)
        return solutions, stats["deepest"]


def make_counter():
    count = 0

    def bump(n=1):
        nonlocal count
        count += n
        return count
    return bump


def sudoku(grid_text):
    cells = []
    for r in range(9):
        for c in range(9):
            cells.append(Variable("r%dc%d" % (r + 1, c + 1), range(1, 10)))
    for i, ch in enumerate(grid_text):
        if ch != ".":
            cells[i].domain = {int(ch)}
    groups = []
    for r in range(9):
        groups.append([cells[r * 9 + c] for c in range(9)])
    for c in range(9):
        groups.append([cells[r * 9 + c] for r in range(9)])
    for br in range(3):
        for bc in range(3):
            groups.append([cells[(br * 3 + r) * 9 + bc * 3 + c] for r in range(3) for c in range(3)])
    constraints = [AllDifferent(g) for g in groups]
    return Solver(cells, constraints)


def queens(n):
    rows = [Variable("q%d" % i, range(n)) for i in range(n)]
    constraints = []
    for i in range(n):
        for j in range(i + 1, n):
            constraints.append(Relation(rows[i], rows[j], make_offset_test(j - i), "attacks-not"))
    return Solver(rows, constraints)


REGIONS = {
    "Avalon": ["Brisk", "Corwen", "Dunmore"],
    "Brisk": ["Corwen", "Elm", "Fallow"],
    "Corwen": ["Dunmore", "Fallow", "Glen"],
    "Dunmore": ["Glen", "Harrow"],
    "Elm": ["Fallow", "Ister", "Juniper"],
    "Fallow": ["Glen", "Juniper", "Kestrel"],
    "Glen": ["Harrow", "Kestrel", "Lark"],
    "Harrow": ["Lark", "Moor"],
    "Ister": ["Juniper", "Nettle"],
    "Juniper": ["Kestrel", "Nettle", "Oakham"],
    "Kestrel": ["Lark", "Oakham", "Pell"],
    "Lark": ["Moor", "Pell"],
    "Moor": ["Pell"],
    "Nettle": ["Oakham"],
    "Oakham": ["Pell"],
    "Pell": [],
}

COLOURS = ["red", "green", "blue", "yellow"]


def colouring(n_colours):
    names = sorted(REGIONS)
    var_of = {name: Variable(name, range(n_colours)) for name in names}
    constraints = []
    for name in names:
        for other in REGIONS[name]:
            constraints.append(NotEqual(var_of[name], var_of[other]))
    return Solver([var_of[n] for n in names], constraints), names


def make_puzzle(seed, holes):
    # A valid grid from the standard shifted-row pattern, relabelled and with rows swapped
    # inside their bands; the choices come from a small linear congruential generator.
    state = seed

    def rand(n):
        nonlocal state
        state = (state * 1103515245 + 12345) % 2147483648
        return (state >> 8) % n

    labels = list(range(1, 10))
    for i in range(8, 0, -1):
        j = rand(i + 1)
        labels[i], labels[j] = labels[j], labels[i]
    rows = []
    for band in range(3):
        inner = [0, 1, 2]
        a = rand(3)
        b = rand(3)
        inner[a], inner[b] = inner[b], inner[a]
        rows.extend(band * 3 + i for i in inner)
    grid = []
    for r in rows:
        for c in range(9):
            grid.append(str(labels[(r * 3 + r // 3 + c) % 9]))
    # Blank cells in a shuffled order, keeping a blank only while the puzzle stays unique.
    order = list(range(81))
    for i in range(80, 0, -1):
        j = rand(i + 1)
        order[i], order[j] = order[j], order[i]
    removed = 0
    for k in order:
        if removed == holes:
            break
        digit = grid[k]
        grid[k] = "."
        solutions, _ = sudoku("".join(grid)).solve(2)
        if len(solutions) == 1:
            removed += 1
        else:
            grid[k] = digit
    return "".join(grid)


PUZZLES = [make_puzzle(seed, holes) for seed, holes in [(1, 50), (7, 52), (12, 54), (2024, 56)]]


def checksum_of(values, seed):
    h = seed
    for v in values:
        h = (h * 31 + v + 7) % 1000000007
    return h


def main():
    total = make_counter()
    print("Sudoku")
    for k, text in enumerate(PUZZLES):
        solver = sudoku(text)
        solutions, deepest = solver.solve(2)
        clues = 81 - text.count(".")
        print("puzzle %d (%d clues): %d solution(s), nodes=%d failures=%d propagations=%d depth=%d" % (
            k + 1, clues, len(solutions), solver.nodes, solver.failures, solver.propagations, deepest))
        if solutions:
            first = solutions[0]
            for r in range(0, 9, 4):
                print("  " + "".join(str(v) for v in first[r * 9:r * 9 + 9]))
            total(checksum_of(first, k))
    print("  " + solver.constraints[0].describe())

    print("N-queens")
    for n in range(4, 10):
        solver = queens(n)
        solutions, deepest = solver.solve(1000)
        first = solutions[0] if solutions else []
        print("n=%d: %d solutions, first %s, nodes=%d failures=%d" % (
            n, len(solutions), first, solver.nodes, solver.failures))
        total(len(solutions) * 1000 + solver.nodes)
    print("  " + solver.constraints[-1].describe() + ", " + repr(solver.variables[0]))

    print("Map colouring")
    for n_colours in (2, 3, 4):
        solver, names = colouring(n_colours)
        solutions, deepest = solver.solve(100000)
        calls = sum(c.calls for c in solver.constraints)
        print("%d colours: %d colourings, nodes=%d failures=%d constraint calls=%d" % (
            n_colours, len(solutions), solver.nodes, solver.failures, calls))
        if solutions:
            first = solutions[0]
            print("  " + ", ".join("%s=%s" % (names[i], COLOURS[c]) for i, c in enumerate(first[:6])))
            total(checksum_of(first, n_colours))
        total(len(solutions))
    print("  " + solver.constraints[0].describe())

    print("checksum", total(0))


main()
