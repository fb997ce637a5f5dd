# Uncaught AttributeError: calling a method that does not exist
class Robot:
    def __init__(self, name):
        self.name = name
        self.pos = 0
    def forward(self, n):
        self.pos += n
        return self.pos
    def back(self, n):
        self.pos -= n
        return self.pos
def drive(robot, commands):
    for cmd, arg in commands:
        print(robot.name, cmd, arg)
        method = getattr(robot, cmd)
        print("  position", method(arg))
r = Robot("r2")
drive(r, [("forward", 3), ("forward", 2), ("back", 1)])
print(r.pos, hasattr(r, "turn"))
drive(r, [("forward", 1), ("turn", 90)])
print("not reached")
