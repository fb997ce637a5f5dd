# sys.exit(0) terminates successfully; code after it does not run
import sys
def finish(code):
    print("finishing with", code)
    sys.exit(code)
def work():
    for i in range(3):
        print("step", i)
    finish(0)
    print("not printed")
work()
print("not printed either")
