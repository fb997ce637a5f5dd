# sys: argv, stdout.write, stderr, setrecursionlimit/getrecursionlimit
import sys
print(len(sys.argv), type(sys.argv).__name__, sys.argv[0].endswith("mod_sys.py"))
n = sys.stdout.write("written with sys.stdout.write\n")
print("write returned", n)
sys.stdout.write("no newline; ")
sys.stdout.write("then newline\n")
print("this goes to stderr", file=sys.stderr)
sys.stderr.write("stderr write\n")
for i in range(3):
    sys.stdout.write(str(i) + ",")
sys.stdout.write("\n")
sys.setrecursionlimit(3000)
def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)
print(deep(2500))
sys.setrecursionlimit(1000)
print(deep(500))
lines = ["alpha", "beta", "gamma"]
sys.stdout.write("\n".join(lines) + "\n")
print("end of program")
