# sys.exit(0) terminates successfully; code after it does not run
import sys
def finish(code):
    print("finishing with", code)
    sys.exit(code)
def work(n):
    total = 0
    for i in range(n):
        total += i * i
        print("step", i, "total", total)
    return total
def main():
    print("work returned", work(4))
    sys.stdout.write("about to exit\n")
    finish(0)
    print("not printed")
if __name__ == "__main__":
    print("argv length", len(sys.argv))
    main()
print("not printed either")
