# The binary layers of the standard streams: sys.stdin.buffer and sys.stdout.buffer.
import sys

first = sys.stdin.buffer.readline()
print(repr(first))
print(repr(sys.stdin.buffer.read(4)))
rest = sys.stdin.buffer.read()
print(repr(rest), type(rest).__name__, rest.decode("utf-8").split())
print(repr(sys.stdin.buffer.read()), repr(sys.stdin.buffer.readline()))
sys.stdout.flush()
n = sys.stdout.buffer.write(b"raw bytes \xc3\xa9\n")
sys.stdout.buffer.writelines([b"one ", b"two\n"])
sys.stdout.buffer.flush()
print(n, repr(sys.stdin.buffer))
print(sys.stdin.buffer.readable(), sys.stdout.buffer.writable(), sys.stdout.buffer.readable())
print(sys.stdout.buffer.name, sys.stdout.buffer.mode, sys.stdin.buffer.mode)
print(sys.stdout.buffer is sys.__stdout__.buffer)
