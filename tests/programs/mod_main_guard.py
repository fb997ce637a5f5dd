# The __name__ == "__main__" idiom
def helper(n):
    return [i * n for i in range(4)]
class App:
    def __init__(self, name):
        self.name = name
    def run(self, args):
        print("running", self.name, "with", args)
        return len(args)
def main():
    print("__name__ is", __name__)
    print(helper(3))
    app = App("demo")
    code = app.run(["a", "b"])
    print("code", code)
    return 0
print("module level code runs first")
if __name__ == "__main__":
    result = main()
    print("main returned", result)
else:
    print("imported, not run")
if __name__ != "__main__":
    print("never")
print("done", __name__ == "__main__")
