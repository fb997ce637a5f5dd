# Uncaught ZeroDivisionError raised several frames deep
def average(values):
    total = 0
    for v in values:
        total += v
    return total // len(values)
def report(groups):
    results = {}
    for name, vals in groups:
        results[name] = average(vals)
        print(name, "average", results[name])
    return results
def main():
    groups = [("a", [1, 2, 3]), ("b", [10, 20]), ("c", []), ("d", [5])]
    print("starting report")
    print(report(groups[:2]))
    report(groups)
    print("never printed")
if __name__ == "__main__":
    main()
print("never printed either")
