# unicodedata on Unicode 14.0.0 (and ucd_3_2_0): properties, names, lookup (aliases,
# named sequences, Hangul and CJK rules), the four normalization forms, is_normalized,
# stringprep on top of it, and CPython's errors. Digests cover every code point.
import unicodedata, hashlib, stringprep

print(unicodedata.unidata_version, unicodedata.ucd_3_2_0.unidata_version, type(unicodedata.ucd_3_2_0).__name__)
for c in 'aA1½²٣ \u0300\u00e9\u2167\uac00\u4e00\U0001F600\u200f\u0f73\ufb01\u3000\U00020000\u0378\U000e0001':
    print(hex(ord(c)), unicodedata.category(c), unicodedata.bidirectional(c), unicodedata.combining(c),
          unicodedata.east_asian_width(c), unicodedata.mirrored(c), repr(unicodedata.decomposition(c)),
          unicodedata.decimal(c, None), unicodedata.digit(c, None), unicodedata.numeric(c, None),
          unicodedata.name(c, '<none>'), unicodedata.ucd_3_2_0.category(c), unicodedata.ucd_3_2_0.name(c, '-'))

def digest(db, f):
    h = hashlib.md5()
    for cp in range(0, 0x110000, 13):
        c = chr(cp)
        h.update(repr(f(db, c)).encode())
    return h.hexdigest()[:12]
for db in (unicodedata, unicodedata.ucd_3_2_0):
    print(db.unidata_version,
          digest(db, lambda d, c: (d.category(c), d.bidirectional(c), d.combining(c), d.east_asian_width(c), d.mirrored(c))),
          digest(db, lambda d, c: (d.decomposition(c), d.decimal(c, None), d.digit(c, None), d.numeric(c, None))),
          digest(db, lambda d, c: d.name(c, None)))

for name in ['LATIN SMALL LETTER A', 'latin small letter a', 'HANGUL SYLLABLE GAG', 'HANGUL SYLLABLE A',
             'CJK UNIFIED IDEOGRAPH-4E00', 'CJK UNIFIED IDEOGRAPH-04E00', 'cjk compatibility ideograph-f900',
             'LATIN CAPITAL LETTER GHA', 'LATIN SMALL LETTER A WITH MACRON AND GRAVE', 'NUSHU CHARACTER-1B170',
             'SNOWMAN', b'SNOWMAN']:
    print(repr(name), [hex(ord(c)) for c in unicodedata.lookup(name)])
for name in ['hangul syllable gag', 'CJK UNIFIED IDEOGRAPH-4e00', 'CJK UNIFIED IDEOGRAPH-4DC0', 'NOT A NAME',
             'HANGUL SYLLABLE ', 'x' * 300, 'TANGUT IDEOGRAPH-17000']:
    try:
        unicodedata.lookup(name)
    except KeyError as e:
        print('KeyError', e)
for name in ['LATIN CAPITAL LETTER GHA', 'LATIN SMALL LETTER A WITH MACRON AND GRAVE', 'LATIN SMALL LETTER A']:
    try:
        print(unicodedata.ucd_3_2_0.lookup(name))
    except KeyError as e:
        print('KeyError', e)

samples = ['Ångström', 'e\u0301', '\u1e9b\u0323', 'ﬁ', '①', '\u0b47\u0b3e', '가각', '\u1100\u1161\u11a8', 'a\u0328\u0301\u0323',
           '\u0958', '\u2126', '\U0002f868', 'ｶﾞ', 'x\u0345\u0301', '\u00c7\u0301\u0327']
for s in samples:
    for form in ('NFC', 'NFD', 'NFKC', 'NFKD'):
        n = unicodedata.normalize(form, s)
        print(form, [hex(ord(c)) for c in n], unicodedata.is_normalized(form, s),
              [hex(ord(c)) for c in unicodedata.ucd_3_2_0.normalize(form, s)])
x = 'already'
print(unicodedata.normalize('NFC', x) is x, unicodedata.normalize('NFKD', ''))
h = hashlib.md5()
for cp in range(0, 0x110000, 31):
    if not 0xD800 <= cp < 0xE000:
        for form in ('NFC', 'NFKD'):
            h.update(unicodedata.normalize(form, chr(cp)).encode())
print(h.hexdigest())

print(stringprep.in_table_a1('\u0221'), stringprep.in_table_b1('\u00ad'), stringprep.map_table_b2('\u0041'),
      stringprep.in_table_c12('\u3000'), stringprep.in_table_d1('\u05be'))

def t(f, *a, **k):
    try:
        print("OK", repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)
t(unicodedata.category, 1)
t(unicodedata.category, 'ab')
t(unicodedata.category)
t(unicodedata.category, c='a')
t(unicodedata.name, '\x00')
t(unicodedata.name, '\x00', 5)
t(unicodedata.name, 'a', None, 1)
t(unicodedata.name)
t(unicodedata.lookup, 1)
t(unicodedata.lookup)
t(unicodedata.decimal, 'a')
t(unicodedata.digit, 'a')
t(unicodedata.numeric, 'a')
t(unicodedata.decimal, 'a', 7)
t(unicodedata.normalize, 'XX', 'a')
t(unicodedata.normalize, 'NFC', 1)
t(unicodedata.normalize, 1, 'a')
t(unicodedata.normalize, 'NFC')
t(unicodedata.is_normalized, 'NFX', 'a')
t(unicodedata.ucd_3_2_0.category)
t(unicodedata.ucd_3_2_0.name, 'a', 1, 2)
t(unicodedata.ucd_3_2_0.normalize, 'NFC')
t(unicodedata.UCD)
t(unicodedata.ucd_3_2_0.name, '\u9fbb')
