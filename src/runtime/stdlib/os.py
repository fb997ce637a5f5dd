"""Operating-system services (bundled with stitch): the part of CPython's `os` that small
programs use, on top of the native `_os` module."""

import _os
import posixpath as path

name = 'posix'
sep = '/'
altsep = None
extsep = '.'
curdir = '.'
pardir = '..'
pathsep = ':'
linesep = '\n'
devnull = '/dev/null'
environ = _os.environ


def getcwd():
    return _os.getcwd()


def listdir(path='.'):
    return _os.listdir(path)


def remove(path):
    _os.remove(path)


unlink = remove


def mkdir(path, mode=0o777):
    _os.mkdir(path)


def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        makedirs(head, mode, exist_ok)
    if exist_ok and path.isdir(name):
        return
    _os.mkdir(name)


def rmdir(path):
    _os.rmdir(path)


def getenv(key, default=None):
    return environ.get(key, default)


def cpu_count():
    return _os.cpu_count()


def fspath(p):
    if isinstance(p, str):
        return p
    raise TypeError('expected str, bytes or os.PathLike object, not ' + type(p).__name__)


def getpid():
    return _os.getpid()


def rename(src, dst):
    _os.rename(src, dst)


replace = rename


def chdir(path):
    _os.chdir(path)


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Yields (dirpath, dirnames, filenames) for `top` and every directory below it; with
    topdown, the caller may prune `dirnames` in place to skip directories."""
    try:
        names = _os.listdir(top)
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    dirs = []
    files = []
    for name in names:
        if path.isdir(path.join(top, name)):
            dirs.append(name)
        else:
            files.append(name)
    if topdown:
        yield top, dirs, files
    for name in dirs:
        new = path.join(top, name)
        if followlinks or not path.islink(new):
            yield from walk(new, topdown, onerror, followlinks)
    if not topdown:
        yield top, dirs, files
