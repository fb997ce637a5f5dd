# sys.exit with a non-zero code after some output
import sys
def check(values):
    for v in values:
        if v < 0:
            print("negative value found:", v)
            sys.exit(3)
        print("ok", v)
def main():
    check([1, 2])
    check([5, -1, 7])
    print("not reached")
main()
