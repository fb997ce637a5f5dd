# Uncaught ZeroDivisionError raised several frames deep
def average(values):
    total = 0
    for v in values:
        total += v
    return total // len(values)
def report(groups):
    for name, vals in groups:
        print(name, "average", average(vals))
def main():
    groups = [("a", [1, 2, 3]), ("b", [10, 20]), ("c", []), ("d", [5])]
    print("starting report")
    report(groups)
    print("never printed")
main()
print("never printed either")
