# Groups: numbered, named, non-capturing, backreferences, conditionals, lookaround,
# atomic groups; the Match API.
import re

m = re.match(r'(\w+) (\w+)(?: (\w+))?', 'Isaac Newton physicist extra')
print(m.group(), m.group(0), m.group(1), m.group(2, 1), m.group(3))
print(m.groups(), m.span(), m.span(3), m.start(2), m.end(2))
print(m[0], m[1], m.regs, m.lastindex, m.lastgroup, m.pos, m.endpos)
print(repr(m.string), m.re)
print(bool(m), m)

m = re.match(r'(?P<first>\w+) (?P<last>\w+)(?P<mid> \w+)?', 'Malcolm Reynolds')
print(m.groupdict(), m.groupdict('?'), m.groups('-'), m['last'], m.group('first', 2))
print(m.start('last'), m.end('mid'), m.span('mid'), m.lastgroup, m.lastindex)
print(m.re.groupindex, m.re.groups, m.re.pattern, m.re.flags)
print(m.expand(r'\g<last>, \g<first> (\2)'))
for bad in (5, 'nope', -1, 1.5):
    try:
        m.group(bad)
    except IndexError as e:
        print('IndexError', e)

m = re.match(r'(a)(b)?', 'ac')
print(m.groups(), m.lastindex, m.span(2), m.start(2))
print(re.match(r'(a)|(b)', 'b').lastindex, re.match(r'(?:(a)|b)', 'b').lastindex)
print(re.match(r'((a)b)', 'ab').lastindex, re.match(r'(?P<x>(?P<y>a)b)', 'ab').lastgroup)
print(re.match(r'(?:(a)|b)*', 'ab').groups(), re.match(r'(a|b)*', 'ab').groups())
print(re.match(r'(a*)+', 'b').groups(), re.match(r'(a*)*', 'aa').groups())
print(re.match(r'(?:(a)|(b))+', 'ab').groups())

# Backreferences.
print(re.search(r'(\w+)\s+\1', 'hello hello world'))
print(re.search(r'(?P<w>\w)(?P=w)', 'abccd'))
print(re.match(r'(?i)(ab)\1', 'abAB'), re.match(r'(ab)\1', 'abAB'))
print(re.match(r'(a)?\1', 'b'))
print(re.match(r'(?i)(é)\1', 'éÉ'))

# Conditionals.
for s in ('<a>', 'a', '<a', 'a>'):
    print(s, re.fullmatch(r'(<)?a(?(1)>)', s))
print(re.match(r'(?P<q>")?\w+(?(q)"|!)', '"hi"'), re.match(r'(?P<q>")?\w+(?(q)"|!)', 'hi!'))

# Lookaround.
print(re.findall(r'\w+(?=,)', 'a, bb, ccc'))
print(re.findall(r'\d+(?!\d|px)', '10px 20em 30'))
print(re.findall(r'(?<=\$)\d+', 'cost: $30, $45'))
print(re.findall(r'(?<!\$)\b\d+', 'cost: $30, 45'))
print(re.match(r'(?=(a+))a*b\1', 'baaabac'), re.search(r'(?=(a+))a*b\1', 'baaabac'))
print(re.search(r'(?<=(a))b', 'ab').groups())
print(re.search(r'(?!(a)b)\w', 'ab').groups())
print(re.match(r'(?<=a)', 'a'))

# Atomic groups and possessive repeats.
print(re.match(r'(?>.*)x', 'abcx'), re.match(r'(?>a|ab)c', 'abc'), re.match(r'(?:a|ab)c', 'abc'))
print(re.match(r'(?>(a+))b', 'aab').groups())
print(re.match(r'\d++\d', '123'), re.match(r'\d*+x', '123x'))
print(re.match(r'(?:a|b)++b', 'abab'), re.match(r'(?:ab|a)++c', 'aabc'))
print(re.match(r'(?:a{2})++', 'aaaaa'), re.match(r'(a){2,3}+', 'aaaa').groups())
print(re.match(r'(?:x?)++y', 'xxy'), re.match(r'(?:x?)*+y', 'y'))

# Lazy repeats.
print(re.match(r'<.*?>', '<a><b>'), re.match(r'<.*>', '<a><b>'))
print(re.match(r'(a+?)(a*)', 'aaa').groups(), re.match(r'(?:a|b)*?c', 'ababc'))
print(re.match(r'(ab)*?(ab)', 'ababab').groups(), re.match(r'(?:(a)|b)*?b$', 'aab').groups())
print(re.match(r'(a{2,}?)(a*)', 'aaaaa').groups(), re.match(r'(x)??x', 'x').groups())

# copy, repr.
import copy
p = re.compile(r'(?P<n>\d+)', re.M | re.I)
print(copy.copy(p) is p, copy.deepcopy(p) is p, p == re.compile(r'(?P<n>\d+)', re.M | re.I), p != p)
m = p.search('ab 12')
print(copy.copy(m) is m, copy.deepcopy(m) is m)
print(hash(p) == hash(re.compile(r'(?P<n>\d+)', re.M | re.I)))
print(p, re.compile('x', re.S | re.X | re.A), re.compile('x', re.U), re.compile('a' * 300))
print(re.search('x+', 'a' + 'x' * 100))
print(type(p), type(m), re.Pattern, re.Match, re.Pattern[str], re.Match[bytes])
