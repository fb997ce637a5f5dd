# Uncaught NameError from an undefined name inside a function
def compute(values):
    total = 0
    for v in values:
        total += v
    print("total", total)
    if len(values) > 3:
        return total / len(values) + zzqx_missing_factor
    return total / len(values)
def summarize(groups):
    for g in groups:
        print("mean of", g, "=", compute(g))
def main():
    summarize([[1, 2, 3], [4, 5]])
    summarize([[6], [1, 2, 3, 4]])
    print("never")
if __name__ == "__main__":
    print("start")
    print(compute([10, 20]))
    main()
