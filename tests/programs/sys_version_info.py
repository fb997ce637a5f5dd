import sys
print(sys.version_info >= (3, 8), sys.version_info[:2] >= (3, 0), sys.version_info.major, sys.version_info.releaselevel)
print(isinstance(sys.version_info, tuple), len(sys.version_info), type(sys.version_info).__name__)
major, minor, *rest = sys.version_info
print(major, minor >= 8, rest[1:])
print(repr(sys.version_info)[:42])
