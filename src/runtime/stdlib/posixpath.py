"""Path names (bundled with stitch): CPython's `os.path` for POSIX systems, in Python."""

import _os

sep = '/'
curdir = '.'
pardir = '..'


def join(a, *parts):
    path = a
    for b in parts:
        if b.startswith('/'):
            path = b
        elif not path or path.endswith('/'):
            path += b
        else:
            path += '/' + b
    return path


def split(p):
    i = p.rfind('/') + 1
    head, tail = p[:i], p[i:]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head, tail


def basename(p):
    return p[p.rfind('/') + 1:]


def dirname(p):
    return split(p)[0]


def splitext(p):
    slash = p.rfind('/')
    dot = p.rfind('.')
    if dot > slash:
        # A leading dot (".bashrc") starts no extension.
        start = slash + 1
        while start < dot and p[start] == '.':
            start += 1
        if start < dot:
            return p[:dot], p[dot:]
    return p, ''


def isabs(p):
    return p.startswith('/')


def exists(p):
    return _os.path_kind(p) != 0


def isfile(p):
    return _os.path_kind(p) == 1


def isdir(p):
    return _os.path_kind(p) == 2


def getsize(p):
    return _os.getsize(p)


def normpath(p):
    if not p:
        return '.'
    initial = 0
    if p.startswith('/'):
        initial = 2 if p.startswith('//') and not p.startswith('///') else 1
    parts = []
    for part in p.split('/'):
        if part in ('', '.'):
            continue
        if part != '..' or (not initial and not parts) or (parts and parts[-1] == '..'):
            parts.append(part)
        elif parts:
            parts.pop()
    p = '/'.join(parts)
    if initial:
        p = '/' * initial + p
    return p or '.'


def abspath(p):
    if not isabs(p):
        p = join(_os.getcwd(), p)
    return normpath(p)


def islink(p):
    return _os.is_link(p)


def expanduser(p):
    if not p.startswith('~'):
        return p
    i = p.find('/', 1)
    if i < 0:
        i = len(p)
    if i != 1:
        return p
    home = _os.environ.get('HOME')
    if home is None:
        return p
    return (home.rstrip('/') or '/') + p[i:]


def relpath(p, start=None):
    if not p:
        raise ValueError('no path specified')
    if start is None:
        start = '.'
    start_list = [x for x in abspath(start).split('/') if x]
    path_list = [x for x in abspath(p).split('/') if x]
    i = 0
    while i < min(len(start_list), len(path_list)) and start_list[i] == path_list[i]:
        i += 1
    rel_list = ['..'] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return '.'
    return join(*rel_list)
