# Othello (reversi) on a 6x6 board: players search the game tree with alpha-beta to a fixed
# depth, scoring positions by discs, mobility and corner ownership.  Two matches are played
# between players of different strength; the moves, the final boards, the scores and the
# number of positions searched are printed.

EMPTY = 0
BLACK = 1
WHITE = 2
SYMBOLS = {EMPTY: ".", BLACK: "X", WHITE: "O"}
DIRECTIONS = [(-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 1), (1, -1), (1, 0), (1, 1)]


def opponent(colour):
    return WHITE if colour == BLACK else BLACK


class Move:
    def __init__(self, row, col, flips):
        self.row = row
        self.col = col
        self.flips = flips

    def name(self):
        return "abcdefgh"[self.col] + str(self.row + 1)

    def __repr__(self):
        return "Move(%s, %d flips)" % (self.name(), len(self.flips))


class Board:
    def __init__(self, size):
        self.size = size
        self.cells = [EMPTY] * (size * size)
        mid = size // 2
        self.put(mid - 1, mid - 1, WHITE)
        self.put(mid, mid, WHITE)
        self.put(mid - 1, mid, BLACK)
        self.put(mid, mid - 1, BLACK)
        self.weights = self.make_weights()

    def make_weights(self):
        n = self.size
        weights = []
        for r in range(n):
            for c in range(n):
                edge_r = r == 0 or r == n - 1
                edge_c = c == 0 or c == n - 1
                near_r = r == 1 or r == n - 2
                near_c = c == 1 or c == n - 2
                if edge_r and edge_c:
                    w = 20
                elif (near_r and near_c) or (edge_r and near_c) or (near_r and edge_c):
                    w = -6
                elif edge_r or edge_c:
                    w = 3
                else:
                    w = 1
                weights.append(w)
        return weights

    def put(self, row, col, colour):
        self.cells[row * self.size + col] = colour

    def get(self, row, col):
        return self.cells[row * self.size + col]

    def flips_for(self, row, col, colour):
        n = self.size
        other = opponent(colour)
        flips = []
        for dr, dc in DIRECTIONS:
            r = row + dr
            c = col + dc
            line = []
            while 0 <= r < n and 0 <= c < n and self.cells[r * n + c] == other:
                line.append(r * n + c)
                r += dr
                c += dc
            if line and 0 <= r < n and 0 <= c < n and self.cells[r * n + c] == colour:
                flips.extend(line)
        return flips

    def moves(self, colour):
        result = []
        n = self.size
        for row in range(n):
            for col in range(n):
                if self.cells[row * n + col] == EMPTY:
                    flips = self.flips_for(row, col, colour)
                    if flips:
                        result.append(Move(row, col, flips))
        return result

    def play(self, move, colour):
        self.cells[move.row * self.size + move.col] = colour
        for i in move.flips:
            self.cells[i] = colour

    def undo(self, move, colour):
        self.cells[move.row * self.size + move.col] = EMPTY
        other = opponent(colour)
        for i in move.flips:
            self.cells[i] = other

    def count(self, colour):
        return self.cells.count(colour)

    def evaluate(self, colour):
        other = opponent(colour)
        score = 0
        for i, cell in enumerate(self.cells):
            if cell == colour:
                score += self.weights[i]
            elif cell == other:
                score -= self.weights[i]
        mine = len(self.moves(colour))
        theirs = len(self.moves(other))
        if mine == 0 and theirs == 0:
            # The game is over: only the disc count matters.
            return 1000 * (self.count(colour) - self.count(other))
        return score + 2 * (mine - theirs)

    def show(self):
        n = self.size
        lines = ["  " + " ".join("abcdefgh"[:n])]
        for r in range(n):
            lines.append(str(r + 1) + " " + " ".join(SYMBOLS[self.get(r, c)] for c in range(n)))
        return "\n".join(lines)


class Player:
    def __init__(self, name, colour):
        self.name = name
        self.colour = colour
        self.searched = 0

    def choose(self, board, moves):
        return moves[0]


class GreedyPlayer(Player):
    """Takes the move that flips the most discs, preferring corners."""

    def choose(self, board, moves):
        self.searched += len(moves)
        best = None
        best_score = None
        for move in moves:
            score = len(move.flips) + board.weights[move.row * board.size + move.col]
            if best_score is None or score > best_score:
                best = move
                best_score = score
        return best


class SearchPlayer(Player):
    def __init__(self, name, colour, depth, endgame):
        Player.__init__(self, name, colour)
        self.depth = depth
        self.endgame = endgame
        self.cutoffs = 0

    def alphabeta(self, board, colour, depth, alpha, beta, passed):
        self.searched += 1
        if depth <= 0:
            return board.evaluate(colour)
        moves = board.moves(colour)
        if not moves:
            if passed:
                diff = board.count(colour) - board.count(opponent(colour))
                return 1000 * diff
            return -self.alphabeta(board, opponent(colour), depth - 1, -beta, -alpha, True)
        # Order moves: corners and big captures first, so cutoffs come early.
        moves.sort(key=lambda m: -(board.weights[m.row * board.size + m.col] * 4 + len(m.flips)))
        best = -1000000
        for move in moves:
            board.play(move, colour)
            value = -self.alphabeta(board, opponent(colour), depth - 1, -beta, -alpha, False)
            board.undo(move, colour)
            if value > best:
                best = value
            if best > alpha:
                alpha = best
            if alpha >= beta:
                self.cutoffs += 1
                break
        return best

    def choose(self, board, moves):
        # Near the end of the game, search to the last move instead of guessing.
        empties = board.count(EMPTY)
        depth = self.depth
        if empties <= self.endgame:
            depth = empties
        best = None
        best_value = -10000000
        for move in moves:
            board.play(move, self.colour)
            value = -self.alphabeta(board, opponent(self.colour), depth - 1,
                                    -10000000, -best_value, False)
            board.undo(move, self.colour)
            if value > best_value:
                best_value = value
                best = move
        return best


def play_game(size, black, white):
    board = Board(size)
    players = {BLACK: black, WHITE: white}
    colour = BLACK
    record = []
    passes = 0
    while passes < 2:
        moves = board.moves(colour)
        if not moves:
            record.append("--")
            passes += 1
        else:
            passes = 0
            move = players[colour].choose(board, moves)
            board.play(move, colour)
            record.append(move.name())
        colour = opponent(colour)
    return board, record


def report(title, board, record, black, white):
    b = board.count(BLACK)
    w = board.count(WHITE)
    if b > w:
        result = black.name + " (X) wins"
    elif w > b:
        result = white.name + " (O) wins"
    else:
        result = "draw"
    print(title)
    for i in range(0, len(record), 12):
        print("  " + " ".join(record[i:i + 12]))
    print(board.show())
    print("X=%d O=%d: %s" % (b, w, result))
    print("positions searched: %s=%d %s=%d" % (black.name, black.searched, white.name, white.searched))
    return b * 100 + w


def main():
    checksum = 0
    opening = Board(6)
    print("opening moves for X:", opening.moves(BLACK))

    black = SearchPlayer("depth5", BLACK, 5, 10)
    white = GreedyPlayer("greedy", WHITE)
    board, record = play_game(6, black, white)
    checksum += report("Match 1: depth5 vs greedy", board, record, black, white)

    black = SearchPlayer("depth3", BLACK, 3, 6)
    white = SearchPlayer("depth5", WHITE, 5, 12)
    board, record = play_game(6, black, white)
    checksum += report("Match 2: depth3 vs depth5", board, record, black, white)
    print("cutoffs: depth3=%d depth5=%d" % (black.cutoffs, white.cutoffs))
    checksum = checksum * 7 + white.cutoffs + len(record)
    print("checksum", checksum)


main()
