"""Common string constants and operations (bundled with stitch; the same interface as CPython's
`string`): the character-class constants, capwords, and Template's $-substitution (parsed by
hand, as stitch has no `re`)."""

__all__ = ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords', 'digits',
           'hexdigits', 'octdigits', 'printable', 'punctuation', 'whitespace', 'Formatter',
           'Template']

whitespace = ' \t\n\r\x0b\x0c'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


# Each word capitalized; with sep None, words are split on whitespace runs and joined by one
# space, else split and joined with sep.
def capwords(s, sep=None):
    return (sep or ' ').join([word.capitalize() for word in s.split(sep)])


_IDENT_START = ascii_letters + '_'
_IDENT_CHARS = _IDENT_START + digits


# $name and ${name} placeholders replaced from a mapping; $$ is a literal $.
class Template:

    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _scan(self, mapping, safe):
        s = self.template
        delim = self.delimiter
        out = []
        i = 0
        n = len(s)
        start = 0
        while True:
            j = s.find(delim, i)
            if j < 0:
                break
            out.append(s[start:j])
            k = j + len(delim)
            if s.startswith(delim, k):
                # An escaped delimiter.
                out.append(delim)
                i = start = k + len(delim)
                continue
            if k < n and s[k] == '{':
                end = k + 1
                while end < n and s[end] in _IDENT_CHARS:
                    end += 1
                name = s[k + 1:end]
                if name and name[0] in _IDENT_START and end < n and s[end] == '}':
                    out.append(self._lookup(mapping, name, s[j:end + 1], safe))
                    i = start = end + 1
                    continue
            elif k < n and s[k] in _IDENT_START:
                end = k + 1
                while end < n and s[end] in _IDENT_CHARS:
                    end += 1
                out.append(self._lookup(mapping, s[k:end], s[j:end], safe))
                i = start = end
                continue
            # An invalid placeholder.
            if safe:
                out.append(delim)
                i = start = k
                continue
            line = s.count('\n', 0, j) + 1
            col = j - (s.rfind('\n', 0, j) + 1) + 1
            if line == 1:
                col = j + 1
            raise ValueError('Invalid placeholder in string: line %d, col %d' % (line, col))
        out.append(s[start:])
        return ''.join(out)

    def _lookup(self, mapping, name, text, safe):
        if safe:
            if name in mapping:
                return '%s' % (mapping[name],)
            return text
        return '%s' % (mapping[name],)

    def substitute(self, mapping=None, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            merged = dict(mapping)
            merged.update(kws)
            mapping = merged
        return self._scan(mapping, False)

    def safe_substitute(self, mapping=None, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            merged = dict(mapping)
            merged.update(kws)
            mapping = merged
        return self._scan(mapping, True)

    def get_identifiers(self):
        ids = []
        s = self.template
        delim = self.delimiter
        i = 0
        n = len(s)
        while True:
            j = s.find(delim, i)
            if j < 0:
                break
            k = j + len(delim)
            if s.startswith(delim, k):
                i = k + len(delim)
                continue
            name = None
            if k < n and s[k] == '{':
                end = k + 1
                while end < n and s[end] in _IDENT_CHARS:
                    end += 1
                if end < n and s[end] == '}' and s[k + 1:end] and s[k + 1] in _IDENT_START:
                    name = s[k + 1:end]
                    i = end + 1
            elif k < n and s[k] in _IDENT_START:
                end = k + 1
                while end < n and s[end] in _IDENT_CHARS:
                    end += 1
                name = s[k:end]
                i = end
            if name is None:
                i = k
            elif name not in ids:
                ids.append(name)
        return ids

    def is_valid(self):
        try:
            self._scan(_AnyMapping(), False)
        except ValueError:
            return False
        return True


class _AnyMapping:
    def __contains__(self, key):
        return True

    def __getitem__(self, key):
        return ''


class Formatter:

    def format(self, format_string, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        return format_string.format(*args, **kwargs)
