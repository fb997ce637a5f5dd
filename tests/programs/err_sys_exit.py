# sys.exit with a non-zero code after some output (no traceback)
import sys
def check(values):
    for v in values:
        if v < 0:
            print("negative value found:", v)
            sys.exit(3)
        print("ok", v)
    return len(values)
def validate(batches):
    total = 0
    for b in batches:
        total += check(b)
        print("batch done, running total", total)
    return total
def main():
    print("validated", validate([[1, 2], [3]]))
    validate([[5, 6], [7, -1, 8]])
    print("not reached")
main()
