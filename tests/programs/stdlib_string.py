# string, the bundled Python module: the constants, capwords, Template.
import string
from string import Template


def attempt(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '-> %s: %s' % (type(e).__name__, e))


for name in ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'digits', 'hexdigits',
             'octdigits', 'punctuation', 'whitespace', 'printable']:
    value = getattr(string, name)
    print(name, repr(value), len(value))
print(string.ascii_letters == string.ascii_lowercase + string.ascii_uppercase)
print(all(c in string.printable for c in string.punctuation), 'é' in string.ascii_letters)
print(sum(1 for c in 'Hello, World! 123' if c in string.punctuation), [c for c in 'a1b2' if c in string.digits])
print(''.join(c for c in 'The Quick-Brown fox!' if c in string.ascii_lowercase))
print(int('ff', 16), all(int(c, 16) >= 0 for c in string.hexdigits))
shift = 3
table = {c: string.ascii_lowercase[(i + shift) % 26] for i, c in enumerate(string.ascii_lowercase)}
print(''.join(table.get(c, c) for c in 'hello, world'))

print('--- capwords')
print(string.capwords('hello world'), string.capwords('  hello   wORLD  again '), string.capwords(''))
print(string.capwords("they're bill's friends"), string.capwords('a-b-c', '-'), string.capwords('x--y', '-'))
print(string.capwords('ABC def\tGHI\njkl'), string.capwords('one,two', ','), repr(string.capwords('   ')))

print('--- Template')
t = Template('$who likes $what')
print(t.substitute(who='tim', what='kung pao'), t.template)
print(t.substitute({'who': 'ann', 'what': 'tea'}), t.substitute({'who': 'x', 'what': 'y'}, what='override'))
print(Template('${noun}ification $$ costs $$5 ${x}y').substitute(noun='pay', x=1))
print(Template('$a$b${c}d').substitute(a=1, b=2.5, c=[3]))
print(t.safe_substitute(who='tim'), Template('$who $').safe_substitute(who='z'))
print(Template('${missing} and $ok and $1 and ${bad').safe_substitute(ok='fine'))
print(Template('no placeholders').substitute(), Template('').substitute())
attempt('missing key', lambda: t.substitute(who='tim'))
attempt('invalid', lambda: Template('cost: $100').substitute())
attempt('invalid line 2', lambda: Template('line one\nab $ cd').substitute())
attempt('invalid brace', lambda: Template('x ${1}').substitute())
print(Template('$a ${b} $a $$c').get_identifiers(), Template('$a $').is_valid(), Template('$a').is_valid())
class Percent(Template):
    delimiter = '%'
print(Percent('%who paid %%%amount').substitute(who='al', amount=5))
print(string.Formatter().format('{0}-{x}', 1, x=2))
