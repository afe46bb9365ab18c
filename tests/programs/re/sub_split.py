# sub, subn, split, findall, finditer, Scanner, empty matches.
import re

print(re.sub(r'\s+', ' ', '  a   b \t c  '))
print(re.sub(r'(\w+)=(\w+)', r'\2=\1', 'a=1, b=2'))
print(re.sub(r'(?P<k>\w+):', r'[\g<k>]', 'x: y: z'))
print(re.sub(r'a', r'\n', 'bab'), repr(re.sub(r'a', r'\\', 'bab')))
print(re.sub(r'(a)|b', r'[\1]', 'ab'))
print(re.sub(r'\d', lambda m: str(int(m.group()) * 2), 'a1b2c9'))
print(re.sub(r'x', lambda m: None, 'axbx') if False else 'skip')
print(re.sub(r'o', '0', 'foo boo', count=2), re.subn(r'o', '0', 'foo boo'))
print(re.sub(r'', '-', 'abc'), re.sub(r'x*', '-', 'abxd'), re.subn(r'\b', '|', 'hi there'))
print(re.sub(r'(?m)^', '> ', 'line1\nline2'))
print(re.sub('a', 'b', ''), re.subn('a', 'b', 'ccc'))
print(re.sub(r'(\d+)', r'<\g<1>0>', 'x12y'))
try:
    re.sub(r'(a)', r'\2', 'a')
except re.error as e:
    print('error:', e)

print(re.split(r',\s*', 'a, b,c,  d'))
print(re.split(r'(,)\s*', 'a, b,c'))
print(re.split(r'(?:(,)|(;))', 'a,b;c'))
print(re.split(r'\W+', 'Words, words, words.', maxsplit=1))
print(re.split(r'x*', 'axbc'), re.split(r'', 'abc'), re.split(r'\b', 'a b'))
print(re.split(r'[a-f]+', '0a3B9', flags=re.IGNORECASE))
print(re.split(r'(x)?y', 'ayb'))

print(re.findall(r'\d+', 'a1b22c333'), re.findall(r'(\w)(\d)', 'a1 b2 c'), re.findall(r'(\w)x?', 'ab'))
print(re.findall(r'(a)|b', 'ab'), re.findall(r'', 'ab'), re.findall(r'a*', 'baac'))
print(re.compile(r'\w').findall('abcdef', 2, 4))
print([m.span() for m in re.finditer(r'\w+', 'ab cd  ef')])
print([m.group() for m in re.finditer(r'a*', 'baac')])
it = re.finditer(r'\d', 'a1b2')
print(next(it), list(it))
print([m.span() for m in re.compile(r'\d').finditer('1234', 1, 3)])

s = re.compile(r'\d+').scanner('12 345 6')
print(s.search(), s.match(), s.search(), s.search(), s.search(), s.pattern)
s = re.compile(r'a*').scanner('aab')
print(s.match(), s.match(), s.match(), s.match())

scanner = re.Scanner([
    (r'[a-zA-Z_]\w*', lambda s, t: ('IDENT', t)),
    (r'\d+', lambda s, t: ('NUM', int(t))),
    (r'[+*/=-]', lambda s, t: ('OP', t)),
    (r'\s+', None),
])
print(scanner.scan('x = 3 + foo*42 ?'))

print(re.escape('a.b*c'), re.escape('hello world!'))
print(re.purge())
print(re.template('a') if False else 'no template')
