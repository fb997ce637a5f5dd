import os
import os.path
from os.path import join, splitext
import time
print(os.path.join("a", "b", "c.txt"), join("/x/", "y"), join("a", "/abs"), os.sep)
for p in ["a/b/c.txt", "/", "file", "dir/", ".bashrc", "a/.hidden.tar.gz", "//x//y//", "a.b/c"]:
    print(repr(p), os.path.split(p), os.path.basename(p), os.path.dirname(p), splitext(p))
for p in ["a/./b/../c", "/../x", "", "//a", "///a", "a/../..", "./."]:
    print(repr(p), os.path.normpath(p))
print(os.path.isabs("/x"), os.path.isabs("x"))
name = "stitch_os_test_" + str(time.time()).replace(".", "") + ".tmp"
print(os.path.exists(name))
with open(name, "w") as f:
    f.write("12345")
print(os.path.exists(name), os.path.isfile(name), os.path.isdir(name), os.path.getsize(name))
print(name in os.listdir("."), os.path.isdir("."))
os.remove(name)
print(os.path.exists(name))
try:
    os.remove(name)
except FileNotFoundError as e:
    print("FileNotFoundError", str(e).replace(name, "NAME"))
print(os.getcwd() == os.path.abspath("."), type(os.environ.get("PATH")).__name__, os.getenv("STITCH_SURELY_UNSET", "dflt"))
