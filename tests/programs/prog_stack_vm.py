# A tiny stack-based virtual machine with a compiler from postfix text
class VMError(Exception):
    pass
BINOPS = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b,
          "div": lambda a, b: a // b, "mod": lambda a, b: a % b, "pow": lambda a, b: a ** b,
          "lt": lambda a, b: 1 if a < b else 0}
class VM:
    def __init__(self):
        self.stack = []
        self.vars = {}
        self.output = []
    def pop(self):
        if not self.stack:
            raise VMError("stack underflow")
        return self.stack.pop()
    def run(self, program):
        pc = 0
        steps = 0
        while pc < len(program):
            op, arg = program[pc]
            pc += 1
            steps += 1
            if op == "push":
                self.stack.append(arg)
            elif op == "load":
                self.stack.append(self.vars[arg])
            elif op == "store":
                self.vars[arg] = self.pop()
            elif op in BINOPS:
                b = self.pop()
                a = self.pop()
                self.stack.append(BINOPS[op](a, b))
            elif op == "jz":
                if self.pop() == 0:
                    pc = arg
            elif op == "jmp":
                pc = arg
            elif op == "print":
                self.output.append(self.pop())
            else:
                raise VMError("unknown op " + op)
        return steps
def compile_postfix(text):
    ops = {"+": "add", "-": "sub", "*": "mul", "/": "div", "%": "mod", "<": "lt", "^": "pow"}
    prog = []
    for tok in text.split():
        if tok.lstrip("-").isdigit():
            prog.append(("push", int(tok)))
        elif tok in ops:
            prog.append((ops[tok], None))
        elif tok.startswith("="):
            prog.append(("store", tok[1:]))
        elif tok == ".":
            prog.append(("print", None))
        else:
            prog.append(("load", tok))
    return prog
vm = VM()
vm.run(compile_postfix("3 4 + 5 * . 2 100 ^ . 17 5 % . -7 2 / ."))
print(vm.output, vm.stack)
factorial = [("push", 1), ("store", "acc"), ("push", 20), ("store", "n"),
    ("load", "n"), ("jz", 15), ("load", "acc"), ("load", "n"), ("mul", None),
    ("store", "acc"), ("load", "n"), ("push", 1), ("sub", None), ("store", "n"),
    ("jmp", 4), ("load", "acc"), ("print", None)]
vm2 = VM()
steps = vm2.run(factorial)
print(vm2.output, steps, sorted(vm2.vars.items()))
for bad in ["1 +", "1 2 frob", "4 0 /"]:
    try:
        v = VM()
        v.run(compile_postfix(bad))
        print(bad, "->", v.output, v.stack)
    except VMError as e:
        print(bad, "-> VMError:", e)
    except KeyError as e:
        print(bad, "-> unknown variable", e)
    except ZeroDivisionError as e:
        print(bad, "-> ZeroDivisionError:", e)
