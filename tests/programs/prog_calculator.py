# Tokenizer and recursive-descent evaluator for arithmetic expressions
class ParseError(Exception): pass
def tokenize(src):
    tokens, i = [], 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or ch == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            tokens.append(("num", float(src[i:j]) if "." in src[i:j] else int(src[i:j])))
            i = j
        elif ch in "+-*/%()^":
            tokens.append(("op", ch))
            i += 1
        else:
            raise ParseError("unexpected character " + repr(ch))
    tokens.append(("end", None))
    return tokens
class Parser:
    def __init__(self, tokens):
        self.tokens, self.pos = tokens, 0
    def peek(self):
        return self.tokens[self.pos]
    def take(self):
        self.pos += 1
        return self.tokens[self.pos - 1]
    def expr(self):
        value = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            rhs = self.term()
            value = value + rhs if op == "+" else value - rhs
        return value
    def term(self):
        value = self.factor()
        while self.peek() in (("op", "*"), ("op", "/"), ("op", "%")):
            op = self.take()[1]
            rhs = self.factor()
            value = value * rhs if op == "*" else value / rhs if op == "/" else value % rhs
        return value
    def factor(self):
        base = self.unary()
        if self.peek() == ("op", "^"):
            self.take()
            base = base ** self.factor()
        return base
    def unary(self):
        if self.peek() == ("op", "-"):
            self.take()
            return -self.unary()
        return self.atom()
    def atom(self):
        kind, val = self.take()
        if kind == "num":
            return val
        if val == "(":
            v = self.expr()
            if self.take() == ("op", ")"):
                return v
        raise ParseError("unexpected token " + repr(val))
def evaluate(src):
    p = Parser(tokenize(src))
    v = p.expr()
    if p.peek()[0] != "end":
        raise ParseError("trailing input")
    return v
tests = ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "10 / 4", "10 % 4 + 7",
         "2 ^ 100", "3.5 * (2 - 0.5)", "((((7))))", "1 - 2 - 3", "-(-(-1))", "8 / (3 - 3)",
         "2 * (3 + ", "4 $ 4", "1 2"]
print(tokenize("12*(3+4.5)"))
for t in tests:
    try:
        print(t, "=", evaluate(t))
    except ZeroDivisionError as e:
        print(t, "-> ZeroDivisionError:", e)
    except ParseError as e:
        print(t, "-> ParseError:", e)
