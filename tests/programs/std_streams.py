# The standard streams as file objects: write, print's file= and flush=, redirection.
import io
import sys

n = sys.stdout.write("written directly\n")
print("write returned", n)
print("a", "b", sep="-", end="!\n", file=sys.stdout, flush=True)
sys.stdout.flush()
print(sys.stdout.writable(), sys.stdout.readable(), sys.stdout.name, sys.stdout.mode, sys.stdout.encoding)
print(sys.stdout.fileno(), sys.stderr.fileno(), sys.stdin.fileno())
print(sys.stdout.isatty())
print(repr(sys.stderr))
print(sys.stdout is sys.__stdout__, type(sys.stdout).__name__)
print("to stderr", file=sys.stderr)
sys.stderr.write("also stderr\n")

# Redirecting sys.stdout redirects print().
saved = sys.stdout
buffer = io.StringIO()
sys.stdout = buffer
print("captured", 1, 2)
print("more")
sys.stdout = saved
print("captured text:", repr(buffer.getvalue()))


class Upper:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s.upper())
        return len(s)

    def flush(self):
        self.parts.append("<flush>")


u = Upper()
print("x", "y", file=u, flush=True)
print(u.parts)
sys.stdout = u
print("through sys.stdout")
sys.stdout = sys.__stdout__
print(u.parts)
try:
    print("x", sep=3)
except TypeError as e:
    print("TypeError:", e)
print(*[1, 2, 3], sep=", ")
print()
print(end="")
print("done")
