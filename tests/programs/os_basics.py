# os as small programs use it: paths, the working directory, the environment, listings.
import os
import os.path
import sys

print(os.path.join("a", "b", "c.txt"), os.path.join("/root", "x"), os.path.join("a/", "/abs", "y"))
print(os.path.basename("/usr/lib/python3.11/json/__init__.py"), os.path.dirname("/usr/lib/python3.11/os.py"))
print(os.path.basename("dir/"), repr(os.path.dirname("file.txt")))
print(os.path.splitext("archive.tar.gz"), os.path.splitext(".bashrc"), os.path.splitext("noext"))
print(os.path.split("/a/b/c"), os.path.isabs("/x"), os.path.isabs("x"))
print(os.path.normpath("a//b/./c/../d"), os.sep, os.linesep == "\n", os.name)

here = os.path.dirname(os.path.abspath(__file__))
print(os.path.exists(__file__), os.path.isfile(__file__), os.path.isdir(here))
print(os.path.exists(os.path.join(here, "no such file.txt")))
print(os.path.basename(__file__))

cwd = os.getcwd()
print(os.path.isabs(cwd), os.path.isdir(cwd))

print(type(os.environ).__name__ in ("_Environ", "dict"), "PATH" in os.environ)
print(os.environ.get("STITCH_SURELY_UNSET_VARIABLE"), os.environ.get("STITCH_SURELY_UNSET_VARIABLE", "fallback"))
print(os.getenv("STITCH_SURELY_UNSET_VARIABLE", "default"))
try:
    os.environ["STITCH_SURELY_UNSET_VARIABLE"]
except KeyError as e:
    print("KeyError", e)

# A directory of our own, listed and removed again.
base = os.path.join(here, "__os_basics_tmp_%d" % os.getpid())
os.mkdir(base)
for name in ["b.txt", "a.txt", "c.py"]:
    with open(os.path.join(base, name), "w") as f:
        f.write(name)
os.mkdir(os.path.join(base, "sub"))
print(sorted(os.listdir(base)))
print(sorted(n for n in os.listdir(base) if n.endswith(".txt")))
print([n for n in sorted(os.listdir(base)) if os.path.isdir(os.path.join(base, n))])
for name in os.listdir(base):
    path = os.path.join(base, name)
    if os.path.isdir(path):
        os.rmdir(path)
    else:
        os.remove(path)
os.rmdir(base)
print(os.path.exists(base))
try:
    os.listdir(base)
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.strerror)
print(sys.argv[0] == __file__ or os.path.basename(sys.argv[0]) == "os_basics.py")

# os.walk over a small tree, os.rename, expanduser.
base = os.path.join(here, "__os_walk_tmp_%d" % os.getpid())
os.makedirs(os.path.join(base, "x", "y"))
os.mkdir(os.path.join(base, "z"))
for rel in ["top.txt", os.path.join("x", "one.txt"), os.path.join("x", "y", "two.txt")]:
    with open(os.path.join(base, rel), "w") as f:
        f.write(rel)
os.rename(os.path.join(base, "top.txt"), os.path.join(base, "renamed.txt"))
for dirpath, dirnames, filenames in os.walk(base):
    dirnames.sort()
    print(os.path.relpath(dirpath, base),
          sorted(dirnames), sorted(filenames))
for dirpath, dirnames, filenames in os.walk(base, topdown=False):
    for name in filenames:
        os.remove(os.path.join(dirpath, name))
    os.rmdir(dirpath)
print(os.path.exists(base))
print(os.path.expanduser("~") == os.environ.get("HOME"), os.path.expanduser("~/x").endswith("/x"), os.path.expanduser("a~b"))
print(os.path.relpath("/a/b/c", "/a/d"), os.path.relpath("/a", "/a"), os.path.relpath("x/y"))
