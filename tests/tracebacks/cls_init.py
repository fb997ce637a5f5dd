class P:
    def __init__(self, x):
        self.x = x.nope
P(1)
