# Uncaught NameError from a misspelled name inside a function
def compute(values):
    total = 0
    for v in values:
        total += v
    print("total", total)
    return total / len(values) + zzqx_missing_factor
def main():
    print("mean of [1, 2, 3] =", compute([1, 2, 3]))
if __name__ == "__main__":
    print("start")
    main()
