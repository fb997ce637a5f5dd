# Uncaught RecursionError from unbounded recursion
visited = []
def countdown(n):
    visited.append(n)
    return countdown(n - 1)
def start(label):
    print("starting", label)
    return countdown(0)
def bounded(n):
    return 0 if n == 0 else 1 + bounded(n - 1)
def caught_once():
    try:
        countdown(0)
    except RecursionError as e:
        print("caught:", e)
    print("visited more than 500 frames:", len(visited) > 500)
    visited.clear()
print("bounded recursion ok:", bounded(300))
caught_once()
print("visited cleared:", len(visited))
start("unbounded")
print("not reached")
