# Go player using Monte-Carlo tree search (UCT) with random playouts.
#
# Stones are kept in union-find groups that track pseudo-liberties; a Zobrist
# hash of every position seen so far forbids repeating a position (superko).

import math
import random

SIZE = 7
KOMI = 7.5
EMPTY, WHITE, BLACK = 0, 1, 2
SHOW = {EMPTY: '.', WHITE: 'o', BLACK: 'x'}
PASS = -1
MAXMOVES = SIZE * SIZE * 3
TIMESTAMP = 0
MOVES = 0
PLAYOUTS = 0


def to_pos(x, y):
    return y * SIZE + x


def to_xy(pos):
    y, x = divmod(pos, SIZE)
    return x, y


def opponent(color):
    return WHITE if color == BLACK else BLACK


class Square(object):

    def __init__(self, board, pos):
        self.board = board
        self.pos = pos
        self.timestamp = TIMESTAMP
        self.removestamp = TIMESTAMP
        self.zobrist_strings = [random.randrange(9223372036854775807)
                                for i in range(3)]

    def set_neighbours(self):
        x, y = self.pos % SIZE, self.pos // SIZE
        self.neighbours = []
        for dx, dy in [(-1, 0), (1, 0), (0, -1), (0, 1)]:
            nx, ny = x + dx, y + dy
            if 0 <= nx < SIZE and 0 <= ny < SIZE:
                self.neighbours.append(self.board.squares[to_pos(nx, ny)])

    def move(self, color):
        global TIMESTAMP, MOVES
        TIMESTAMP += 1
        MOVES += 1
        self.board.zobrist.update(self, color)
        self.color = color
        self.reference = self
        self.ledges = 0
        self.used = True
        for neighbour in self.neighbours:
            neighcolor = neighbour.color
            if neighcolor == EMPTY:
                self.ledges += 1
                continue
            root = neighbour.find(update=True)
            if neighcolor == color:
                if root.reference.pos != self.pos:
                    # merge the neighbouring group into ours
                    self.ledges += root.ledges
                    root.reference = self
                self.ledges -= 1
            else:
                root.ledges -= 1
                if root.ledges == 0:
                    neighbour.remove(root)
        self.board.zobrist.add()

    def remove(self, reference, update=True):
        self.board.zobrist.update(self, EMPTY)
        self.removestamp = TIMESTAMP
        if update:
            if self.color == BLACK:
                self.board.black_dead += 1
            else:
                self.board.white_dead += 1
            self.color = EMPTY
            self.board.emptyset.add(self.pos)
        for neighbour in self.neighbours:
            if neighbour.color != EMPTY and neighbour.removestamp != TIMESTAMP:
                root = neighbour.find(update)
                if root.pos == reference.pos:
                    neighbour.remove(reference, update)
                elif update:
                    root.ledges += 1

    def find(self, update=False):
        reference = self.reference
        if reference.pos != self.pos:
            reference = reference.find(update)
            if update:
                self.reference = reference
        return reference

    def __repr__(self):
        return repr(to_xy(self.pos))


class EmptySet(object):

    def __init__(self, board):
        self.board = board
        self.empties = list(range(SIZE * SIZE))
        self.empty_pos = list(range(SIZE * SIZE))

    def random_choice(self):
        choices = len(self.empties)
        while choices:
            i = int(random.random() * choices)
            pos = self.empties[i]
            if self.board.useful(pos):
                return pos
            choices -= 1
            self.set(i, self.empties[choices])
            self.set(choices, pos)
        return PASS

    def add(self, pos):
        self.empty_pos[pos] = len(self.empties)
        self.empties.append(pos)

    def remove(self, pos):
        self.set(self.empty_pos[pos], self.empties[len(self.empties) - 1])
        self.empties.pop()

    def set(self, i, pos):
        self.empties[i] = pos
        self.empty_pos[pos] = i


class ZobristHash(object):

    def __init__(self, board):
        self.board = board
        self.hash_set = set()
        self.hash = 0
        for square in self.board.squares:
            self.hash ^= square.zobrist_strings[EMPTY]
        self.hash_set.clear()
        self.hash_set.add(self.hash)

    def update(self, square, color):
        self.hash ^= square.zobrist_strings[square.color]
        self.hash ^= square.zobrist_strings[color]

    def add(self):
        self.hash_set.add(self.hash)

    def dupe(self):
        return self.hash in self.hash_set


class Board(object):

    def __init__(self):
        self.squares = [Square(self, pos) for pos in range(SIZE * SIZE)]
        for square in self.squares:
            square.set_neighbours()
        self.reset()

    def reset(self):
        for square in self.squares:
            square.color = EMPTY
            square.used = False
        self.emptyset = EmptySet(self)
        self.zobrist = ZobristHash(self)
        self.color = BLACK
        self.finished = False
        self.lastmove = -2
        self.history = []
        self.white_dead = 0
        self.black_dead = 0

    def move(self, pos):
        if pos != PASS:
            square = self.squares[pos]
            square.move(self.color)
            self.emptyset.remove(square.pos)
        elif self.lastmove == PASS:
            self.finished = True
        self.color = opponent(self.color)
        self.lastmove = pos
        self.history.append(pos)

    def random_move(self):
        return self.emptyset.random_choice()

    def useful_fast(self, square):
        if not square.used:
            for neighbour in square.neighbours:
                if neighbour.color == EMPTY:
                    return True
        return False

    def useful(self, pos):
        """Is playing at pos legal and not filling one of our own eyes?"""
        global TIMESTAMP
        TIMESTAMP += 1
        square = self.squares[pos]
        if self.useful_fast(square):
            return True
        old_hash = self.zobrist.hash
        self.zobrist.update(square, self.color)
        empties = opps = weak_opps = neighs = weak_neighs = 0
        for neighbour in square.neighbours:
            neighcolor = neighbour.color
            if neighcolor == EMPTY:
                empties += 1
                continue
            root = neighbour.find()
            if root.timestamp != TIMESTAMP:
                if neighcolor == self.color:
                    neighs += 1
                else:
                    opps += 1
                root.timestamp = TIMESTAMP
                root.temp_ledges = root.ledges
            root.temp_ledges -= 1
            if root.temp_ledges == 0:
                if neighcolor == self.color:
                    weak_neighs += 1
                else:
                    weak_opps += 1
                    root.remove(root, update=False)
        dupe = self.zobrist.dupe()
        self.zobrist.hash = old_hash
        strong_neighs = neighs - weak_neighs
        strong_opps = opps - weak_opps
        return not dupe and bool(
            empties or weak_opps or (strong_neighs and (strong_opps or weak_neighs)))

    def useful_moves(self):
        return [pos for pos in self.emptyset.empties if self.useful(pos)]

    def replay(self, history):
        for pos in history:
            self.move(pos)

    def score(self, color):
        if color == WHITE:
            count = KOMI + self.black_dead
        else:
            count = self.white_dead
        for square in self.squares:
            squarecolor = square.color
            if squarecolor == color:
                count += 1
            elif squarecolor == EMPTY:
                surround = 0
                for neighbour in square.neighbours:
                    if neighbour.color == color:
                        surround += 1
                if surround == len(square.neighbours):
                    count += 1
        return count

    def check(self):
        """Recount every group's liberties the slow way and compare."""
        for square in self.squares:
            if square.color == EMPTY:
                continue
            members = {square.pos}
            frontier = [square]
            while frontier:
                member = frontier.pop()
                for neighbour in member.neighbours:
                    if (neighbour.color == square.color
                            and neighbour.pos not in members):
                        members.add(neighbour.pos)
                        frontier.append(neighbour)
            ledges = 0
            for pos in members:
                for neighbour in self.squares[pos].neighbours:
                    if neighbour.color == EMPTY:
                        ledges += 1
            root = square.find()
            members2 = set()
            for square2 in self.squares:
                if square2.color != EMPTY and square2.find() is root:
                    members2.add(square2.pos)
            assert members == members2, 'group mismatch at %r' % (square,)
            assert ledges == root.ledges, ('ledges differ at %r: %d %d' % (
                square, ledges, root.ledges))
        empties = set(pos for pos in range(SIZE * SIZE)
                      if self.squares[pos].color == EMPTY)
        assert empties == set(self.emptyset.empties)

    def __repr__(self):
        rows = []
        for y in range(SIZE):
            start = to_pos(0, y)
            rows.append(''.join([SHOW[square.color] + ' '
                                 for square in self.squares[start:start + SIZE]]).rstrip())
        return '\n'.join(rows)


class UCTNode(object):

    def __init__(self):
        self.bestchild = None
        self.pos = -1
        self.wins = 0
        self.losses = 0
        self.pos_child = [None for x in range(SIZE * SIZE)]
        self.parent = None

    def play(self, board):
        """One round of tree search: descend, expand one node, play out."""
        color = board.color
        node = self
        path = [node]
        while True:
            pos = node.select(board)
            if pos == PASS:
                break
            board.move(pos)
            child = node.pos_child[pos]
            if not child:
                child = node.pos_child[pos] = UCTNode()
                child.unexplored = board.useful_moves()
                child.pos = pos
                child.parent = node
                path.append(child)
                break
            path.append(child)
            node = child
        self.random_playout(board)
        self.update_path(board, color, path)

    def select(self, board):
        """Unexplored children first, then the best child by UCT value."""
        if self.unexplored:
            i = random.randrange(len(self.unexplored))
            pos = self.unexplored[i]
            self.unexplored[i] = self.unexplored[len(self.unexplored) - 1]
            self.unexplored.pop()
            return pos
        elif self.bestchild:
            return self.bestchild.pos
        else:
            return PASS

    def random_playout(self, board):
        global PLAYOUTS
        PLAYOUTS += 1
        for x in range(MAXMOVES):
            if board.finished:
                break
            board.move(board.random_move())

    def update_path(self, board, color, path):
        wins = board.score(BLACK) >= board.score(WHITE)
        for node in path:
            color = opponent(color)
            if wins == (color == BLACK):
                node.wins += 1
            else:
                node.losses += 1
            if node.parent:
                node.parent.bestchild = node.parent.best_child()

    def score(self):
        winrate = self.wins / float(self.wins + self.losses)
        parentvisits = self.parent.wins + self.parent.losses
        if not parentvisits:
            return winrate
        nodevisits = self.wins + self.losses
        return winrate + math.sqrt(math.log(parentvisits) / (5 * nodevisits))

    def best_child(self):
        maxscore = -1
        maxchild = None
        for child in self.pos_child:
            if child and child.score() > maxscore:
                maxchild = child
                maxscore = child.score()
        return maxchild

    def best_visited(self):
        maxvisits = -1
        maxchild = None
        for child in self.pos_child:
            if child and (child.wins + child.losses) > maxvisits:
                maxvisits, maxchild = (child.wins + child.losses), child
        return maxchild


def computer_move(board, games=50):
    pos = board.random_move()
    if pos == PASS:
        return PASS, 0, 0
    tree = UCTNode()
    tree.unexplored = board.useful_moves()
    nboard = Board()
    for game in range(games):
        nboard.reset()
        nboard.replay(board.history)
        tree.play(nboard)
    best = tree.best_visited()
    return best.pos, best.wins, best.losses


def main():
    random.seed(1)
    board = Board()
    for turn in range(4):
        who = SHOW[board.color]
        pos, wins, losses = computer_move(board, games=90)
        if pos == PASS:
            print("%s passes" % who)
        else:
            x, y = to_xy(pos)
            print("%s plays (%d, %d)  wins=%d losses=%d" % (who, x, y, wins, losses))
        board.move(pos)
        board.check()
    print(board)
    print("score black %s white %s" % (board.score(BLACK), board.score(WHITE)))
    h = board.zobrist.hash
    print("hash %d (63-bit: %s, high %d, low %d)"
          % (h, 0 <= h < 2 ** 63, h >> 32, h & 0xFFFFFFFF))
    print("positions seen", len(board.zobrist.hash_set))
    print("moves", MOVES, "timestamp", TIMESTAMP, "playouts", PLAYOUTS)


if __name__ == "__main__":
    main()
