"""Text wrapping and filling (bundled with stitch; the same interface as CPython's
`textwrap`): TextWrapper with all of CPython's options (indents, tab expansion, whitespace
replacement, sentence endings, long words, hyphens, max_lines with a placeholder), and the
functions wrap, fill, shorten, dedent and indent. Words are split at whitespace and, as
CPython's do, after hyphens inside hyphenated words and around em-dashes, by a hand-written
scanner rather than a regular expression."""

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

_whitespace = '\t\n\x0b\x0c\r '


def _is_letter(c):
    # A word character that is not a digit.
    return (c.isalnum() or c == '_') and not c.isdecimal()


def _is_word(c):
    return c.isalnum() or c == '_'


def _is_word_punct(c):
    return _is_word(c) or c in '!"\'&.,?'


def _at(s, i):
    if 0 <= i < len(s):
        return s[i]
    return ''


def _dash_run(s, i):
    # The length of the run of hyphens at s[i] when it is 2 or more and a word character
    # follows it, else 0.
    j = i
    while j < len(s) and s[j] == '-':
        j += 1
    if j - i >= 2 and j < len(s) and _is_word(s[j]):
        return j - i
    return 0


def _hyphen_break(s, j):
    # Whether a hyphenated word may break after the hyphen s[j].
    c1 = _at(s, j - 1)
    c2 = _at(s, j - 2)
    c3 = _at(s, j - 3)
    before = ((c2 and c1 and _is_letter(c2) and _is_letter(c1))
              or (c3 and _is_letter(c3) and c2 == '-' and c1 and _is_letter(c1)))
    if not before:
        return False
    a1 = _at(s, j + 1)
    if not (a1 and _is_letter(a1)):
        return False
    a2 = _at(s, j + 2)
    if a2 and _is_letter(a2):
        return True
    a3 = _at(s, j + 3)
    return a2 == '-' and a3 != '' and _is_letter(a3)


def _split_word(text, start, end, out):
    # Split the non-whitespace text[start:end] into chunks at hyphens and em-dashes.
    s = start
    while s < end:
        if text[s] == '-' and s > 0 and _is_word_punct(text[s - 1]):
            n = _dash_run(text, s)
            if n and s + n <= end:
                out.append(text[s:s + n])
                s += n
                continue
        p = s + 1
        while True:
            if p < end and text[p] == '-' and _hyphen_break(text, p):
                out.append(text[s:p + 1])
                s = p + 1
                break
            if p >= end:
                out.append(text[s:end])
                s = end
                break
            if _is_word_punct(text[p - 1]) and text[p] == '-' and _dash_run(text, p):
                out.append(text[s:p])
                s = p
                break
            p += 1


class TextWrapper:
    """Object for wrapping/filling text."""

    def __init__(self, width=70, initial_indent='', subsequent_indent='', expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None,
                 placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = ''.join([' ' if c in _whitespace else c for c in text])
        return text

    def _split(self, text):
        chunks = []
        i = 0
        n = len(text)
        while i < n:
            j = i
            if text[i] in _whitespace:
                while j < n and text[j] in _whitespace:
                    j += 1
                chunks.append(text[i:j])
            else:
                while j < n and text[j] not in _whitespace:
                    j += 1
                if self.break_on_hyphens:
                    _split_word(text, i, j, chunks)
                else:
                    chunks.append(text[i:j])
            i = j
        return [c for c in chunks if c]

    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == ' ' and _sentence_end(chunks[i]):
                chunks[i + 1] = '  '
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        if width < 1:
            space_left = 1
        else:
            space_left = width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                hyphen = chunk.rfind('-', 0, space_left)
                if hyphen > 0 and chunk[:hyphen].strip('-'):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError('invalid width %r (must be > 0)' % (self.width,))
        placeholder = self.placeholder
        if self.max_lines is not None:
            if self.max_lines > 1:
                first_indent = self.subsequent_indent
            else:
                first_indent = self.initial_indent
            if len(first_indent) + len(placeholder.lstrip()) > self.width:
                raise ValueError('placeholder too large for max width')
        chunks.reverse()
        while chunks:
            cur_line = []
            cur_len = 0
            if lines:
                indent = self.subsequent_indent
            else:
                indent = self.initial_indent
            width = self.width - len(indent)
            if self.drop_whitespace and chunks[-1].strip() == '' and lines:
                del chunks[-1]
            while chunks:
                size = len(chunks[-1])
                if cur_len + size <= width:
                    cur_line.append(chunks.pop())
                    cur_len += size
                else:
                    break
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum([len(c) for c in cur_line])
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == '':
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            if not cur_line:
                continue
            last_allowed = (self.max_lines is None or len(lines) + 1 < self.max_lines)
            rest_empty = (not chunks or (self.drop_whitespace and len(chunks) == 1
                                         and not chunks[0].strip()))
            if last_allowed or (rest_empty and cur_len <= width):
                lines.append(indent + ''.join(cur_line))
                continue
            # The last line allowed: end it with the placeholder.
            while cur_line:
                if cur_line[-1].strip() and cur_len + len(placeholder) <= width:
                    cur_line.append(placeholder)
                    lines.append(indent + ''.join(cur_line))
                    break
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            else:
                done = False
                if lines:
                    prev_line = lines[-1].rstrip()
                    if len(prev_line) + len(placeholder) <= self.width:
                        lines[-1] = prev_line + placeholder
                        done = True
                if not done:
                    lines.append(indent + placeholder.lstrip())
            break
        return lines

    def _split_chunks(self, text):
        text = self._munge_whitespace(text)
        return self._split(text)

    def wrap(self, text):
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        return '\n'.join(self.wrap(text))


def _sentence_end(chunk):
    # A lowercase letter, then . ! or ?, then an optional quote, at the end of the chunk.
    n = len(chunk)
    if n and chunk[-1] in '"\'':
        n -= 1
    if n < 2:
        return False
    return chunk[n - 1] in '.!?' and 'a' <= chunk[n - 2] <= 'z'


def wrap(text, width=70, **kwargs):
    w = TextWrapper(width=width, **kwargs)
    return w.wrap(text)


def fill(text, width=70, **kwargs):
    w = TextWrapper(width=width, **kwargs)
    return w.fill(text)


def shorten(text, width, **kwargs):
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(' '.join(text.strip().split()))


def _leading_blanks(line):
    i = 0
    while i < len(line) and line[i] in ' \t':
        i += 1
    return line[:i]


def dedent(text):
    lines = text.split('\n')
    margin = None
    for i in range(len(lines)):
        line = lines[i]
        lead = _leading_blanks(line)
        if len(lead) == len(line):
            # Lines of only blanks become empty and set no margin.
            lines[i] = ''
            continue
        if margin is None:
            margin = lead
        elif not lead.startswith(margin):
            k = 0
            while k < len(margin) and k < len(lead) and margin[k] == lead[k]:
                k += 1
            margin = margin[:k]
    if margin:
        n = len(margin)
        for i in range(len(lines)):
            if lines[i].startswith(margin):
                lines[i] = lines[i][n:]
    return '\n'.join(lines)


def indent(text, prefix, predicate=None):
    out = []
    for line in text.splitlines(True):
        if predicate is None:
            keep = line.strip()
        else:
            keep = predicate(line)
        if keep:
            out.append(prefix + line)
        else:
            out.append(line)
    return ''.join(out)
