# Uncaught RecursionError from unbounded recursion
visited = []
def countdown(n):
    visited.append(n)
    return countdown(n - 1)
def start(limit_check):
    print("starting", limit_check)
    return countdown(0)
def bounded(n):
    return 0 if n == 0 else 1 + bounded(n - 1)
print("bounded recursion ok:", bounded(300))
start("unbounded")
