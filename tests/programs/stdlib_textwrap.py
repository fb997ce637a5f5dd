# textwrap: wrap, fill, shorten, dedent, indent and TextWrapper's options.
import textwrap
from textwrap import TextWrapper, wrap, fill, shorten, dedent, indent


def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__ + ':', e)


text = ("The quick brown fox jumps over the lazy dog. Pack my box with five dozen liquor jugs! "
        "How vexingly quick daft zebras jump? Sphinx of black quartz, judge my vow.")
print('--- wrap and fill')
for width in (10, 20, 33, 50, 79):
    print(width, wrap(text, width))
print(fill(text, 30))
print(fill(text, width=40, initial_indent='* ', subsequent_indent='  '))
print(wrap('', 10), wrap('   ', 10), wrap('a', 1), wrap('  leading and trailing  ', 12))
print(wrap('Hello\tworld\tagain', 12), wrap('tabs\there', 20, expand_tabs=False), wrap('a\tb', 20, tabsize=4))
print(wrap('line one\nline two\n\nline three', 15), wrap('line one\nline two', 40, replace_whitespace=False))
print(wrap('keep   the   spaces here', 9, drop_whitespace=False))
print(wrap('  indented text that wraps around', 10, drop_whitespace=False))

print('--- hyphens and long words')
hy = 'A well-known state-of-the-art user-friendly co-operative hyper-extra-long-winded thing'
for width in (8, 12, 15, 25):
    print(width, wrap(hy, width))
    print(width, wrap(hy, width, break_on_hyphens=False))
print(wrap('Supercalifragilisticexpialidocious is long', 10))
print(wrap('Supercalifragilisticexpialidocious is long', 10, break_long_words=False))
print(wrap('http://example.com/a-very-long-url-with-many-hyphens-inside', 16))
print(wrap('an em--dash between words and --leading dashes and trailing-- ones', 12))
print(wrap('numbers 123-456-7890 and x-1 and 3-d and a-b-c and ab-c and --- dashes', 10))
print(wrap('under_score-word and e.g.-this and "quoted"--dash and ok!--yes', 11))
print(wrap('-----', 3), wrap('a-b', 2), wrap('xx-yy-zz', 4), wrap('co-op', 3))

print('--- sentence endings')
s = 'This is a sentence. And another one! Is it? Yes. "Quoted." Mr. Smith went. E.G. not.'
print(wrap(s, 30, fix_sentence_endings=True))
print(fill(s, 200, fix_sentence_endings=True))

print('--- max_lines and shorten')
print(wrap(text, 30, max_lines=2))
print(wrap(text, 30, max_lines=1, placeholder='...'))
print(wrap(text, 30, max_lines=3, placeholder=' (more)'))
print(wrap('short text', 30, max_lines=1), wrap('one two three four', 9, max_lines=2))
print(shorten('Hello  world!', width=12), shorten('Hello  world!', width=11), shorten(text, 40))
print(shorten(text, 40, placeholder='...'), shorten('   spaced    out   text   ', 15), shorten('tiny', 10))
print(shorten('Supercalifragilistic word', 15))
attempt('placeholder too large', lambda: shorten(text, 4))
attempt('width 0', lambda: wrap(text, 0))
attempt('negative', lambda: fill('abc', -1))

print('--- TextWrapper')
w = TextWrapper(width=25, initial_indent='> ', subsequent_indent='>> ')
print(w.wrap(text))
w.width = 35
w.break_on_hyphens = False
print(w.fill(hy))
print(TextWrapper(18, max_lines=2, placeholder=' ~').fill(text))
print(TextWrapper().width, TextWrapper().placeholder, TextWrapper(5).wrap('abcdefghijklmnop'))

print('--- dedent')
block = '''
    def f():
        return 1

    x = 2
'''
print(repr(dedent(block)))
print(repr(dedent('  a\n    b\n  c')), repr(dedent('\ta\n\tb')), repr(dedent('  a\n\tb')), repr(dedent('no indent\n  here')))
print(repr(dedent('   \n  x\n    \n  y\n')), repr(dedent('')), repr(dedent('\n\n')), repr(dedent('  only')))
print(repr(dedent('  \t a\n  \t b\n  \tc')), repr(dedent(' a\r\n b\r\n')), repr(dedent('  a\n  \n \n  b')))

print('--- indent')
print(repr(indent('a\nb\n\nc\n', '  ')), repr(indent('a\r\nb\n', '> ')), repr(indent('x\n  \ny', '+', lambda line: True)))
print(repr(indent('', '> ')), repr(indent('one', '# ')), repr(indent('a\nbb\nccc', '-', lambda l: len(l) > 2)))
print(indent(fill(text, 30), '    '))

print('--- generated')
state = [12345]


def pick(options):
    state[0] = (state[0] * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    return options[(state[0] >> 33) % len(options)]


alphabet = ['a', 'b', 'c', 'x', 'y', '1', '2', '-', '-', '-', ' ', ' ', '_', '.', ',', '!', '"', "'", '?', '\t', '\n', 'é']
for trial in range(60):
    s = ''.join([pick(alphabet) for _ in range(pick([5, 20, 40, 80]))])
    width = pick([1, 2, 3, 5, 8, 13])
    print(repr(s), width, wrap(s, width), wrap(s, width + 7, break_on_hyphens=False, drop_whitespace=False))
    print(wrap(s, width + 3, fix_sentence_endings=True, break_long_words=False), shorten(s, 12 + width), repr(dedent(s)))
