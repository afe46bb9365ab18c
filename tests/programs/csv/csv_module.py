# csv over io.StringIO: reader/writer with tricky inputs, every dialect parameter,
# DictReader/DictWriter, the dialect registry, field_size_limit, Sniffer, and the
# validation errors worded as CPython's.
import csv
import io


def read(text, **kw):
    return list(csv.reader(io.StringIO(text, newline=""), **kw))


def write(rows, **kw):
    out = io.StringIO()
    w = csv.writer(out, **kw)
    for row in rows:
        w.writerow(row)
    return out.getvalue()


print(read('a,b,c\r\n1,"2,3",4\r\n'))
print(read('"quoted ""inner"" quote",plain\n"multi\nline",x\n'))
print(read("a,,\n,\n\n'x'\n"))
print(read('  a,  b', skipinitialspace=True), read('  a,  b'))
print(read('a\\,b,c\\\nd', escapechar="\\"))
print(read('"a\\"b",c', escapechar="\\", doublequote=False))
print(read("1,2.5,'x',-3", quoting=csv.QUOTE_NONNUMERIC, quotechar="'"))
print(read('a;"b;c";d', delimiter=";"))
print(read('a "b" c,"d"e', ))
print(read('"unterminated'), read('"abc"def,g'))
print(read('x\ty\r\nz\tw', dialect="excel-tab"))
print(read('a"b,c', quoting=csv.QUOTE_NONE))
print(read("a\0b,\u00e9\u4e2d\U0001f600"))
r = csv.reader(["a,b\n", '"c\n', 'd",e\n', "f\n"])
for row in r:
    print(r.line_num, row)
print(list(csv.reader([])), list(csv.reader(["", "\n", "a"])))

print(repr(write([["a", "b,c", 'd"e', "f\ng", "", None, 1.5, 10]])))
print(repr(write([["a", 1, None, 2.0, True]], quoting=csv.QUOTE_NONNUMERIC)))
print(repr(write([["a", ""], [""], []], quoting=csv.QUOTE_ALL)))
print(repr(write([[""], [None], []])))
print(repr(write([["a b", "c\\d"]], delimiter=" ", quoting=csv.QUOTE_NONE, escapechar="\\")))
print(repr(write([['say "hi"']], doublequote=False, escapechar="\\")))
print(repr(write([["x", "y"]], lineterminator="\n", quotechar="'")))
print(repr(write([["a\rb", "c;d"]], lineterminator="\n", delimiter=";")))
print(repr(write(["abc", ("t", "u"), range(3)])))
out = io.StringIO()
w = csv.writer(out)
print(w.writerow(["count", "me"]), w.writerows([[1], [2]]), repr(out.getvalue()))

rows = [{"name": "Ann", "age": 30, "note": "likes, commas"}, {"name": "Bob", "age": 25}]
out = io.StringIO()
dw = csv.DictWriter(out, fieldnames=["name", "age", "note"], restval="-")
dw.writeheader()
dw.writerows(rows)
print(repr(out.getvalue()))
for row in csv.DictReader(io.StringIO(out.getvalue())):
    print(row)
dr = csv.DictReader(io.StringIO("a,b\n1,2,3\n4\n"), restkey="extra", restval="?")
print(list(dr), dr.fieldnames, dr.line_num)
try:
    csv.DictWriter(io.StringIO(), ["a"]).writerow({"a": 1, "b": 2})
except ValueError as e:
    print("ValueError:", e)


class Semi(csv.Dialect):
    delimiter = ";"
    quotechar = "'"
    doublequote = True
    skipinitialspace = False
    lineterminator = "\n"
    quoting = csv.QUOTE_MINIMAL


csv.register_dialect("semi", Semi)
csv.register_dialect("pipes", delimiter="|", quoting=csv.QUOTE_ALL)
print(sorted(csv.list_dialects()))
print(repr(write([["a;b", "c"]], dialect="semi")), repr(write([["x", 1]], dialect="pipes")))
d = csv.get_dialect("pipes")
print(type(d).__name__, d.delimiter, d.quotechar, d.escapechar, d.doublequote, d.quoting, repr(d.lineterminator), d.skipinitialspace, d.strict)
print(csv.get_dialect("excel") is csv.get_dialect("excel"), csv.reader([], "pipes").dialect is d)
print(csv.reader([], "pipes", delimiter=":").dialect.delimiter, csv.writer(io.StringIO(), Semi).dialect.quotechar)
csv.unregister_dialect("pipes")
for bad in (lambda: csv.get_dialect("pipes"), lambda: csv.unregister_dialect("pipes"), lambda: csv.reader([], "nope")):
    try:
        bad()
    except csv.Error as e:
        print("csv.Error:", e)
try:
    d.delimiter = ","
except AttributeError as e:
    print("AttributeError:", e)

print(csv.field_size_limit(), csv.field_size_limit(5), csv.field_size_limit())
try:
    read("abcdef")
except csv.Error as e:
    print("csv.Error:", e)
print(read("abcde"))
csv.field_size_limit(131072)

bad_params = [dict(delimiter=""), dict(delimiter="ab"), dict(delimiter=1), dict(delimiter=None),
              dict(quotechar="ab"), dict(quotechar=1), dict(quotechar=None, quoting=csv.QUOTE_ALL),
              dict(escapechar="xy"), dict(escapechar=2), dict(lineterminator=1), dict(lineterminator=None),
              dict(quoting=9), dict(quoting="1"), dict(quoting=1.0), dict(bogus=1)]
for kw in bad_params:
    try:
        csv.reader([], **kw)
    except TypeError as e:
        print(kw, "TypeError:", e)
print(csv.reader([], quotechar=None).dialect.quoting)


class BadDialect(csv.Dialect):
    delimiter = "::"


try:
    BadDialect()
except csv.Error as e:
    print("csv.Error:", e)

strict_cases = ['a"b', '"a"b', '"ab']
for text in strict_cases:
    try:
        print(read(text, strict=True))
    except csv.Error as e:
        print(repr(text), "csv.Error:", e)
for args in [(1,), ([1],), (["a\rb"],), ([b"ab"],)]:
    try:
        print(list(csv.reader(*args)))
    except (csv.Error, TypeError) as e:
        print(type(e).__name__ + ":", e)
for rows, kw in [([["a,b"]], dict(quoting=csv.QUOTE_NONE)), ([[""]], dict(quoting=csv.QUOTE_NONE)), ([1], {})]:
    try:
        write(rows, **kw)
    except csv.Error as e:
        print("csv.Error:", e)
try:
    csv.writer(1)
except TypeError as e:
    print("TypeError:", e)
try:
    read("1,x", quoting=csv.QUOTE_NONNUMERIC)
except ValueError as e:
    print("ValueError:", e)

sample = 'id;name;score\n1;"Ann";3.5\n2;"Bob";4.0\n3;"Cy";2.5\n'
sniffer = csv.Sniffer()
dialect = sniffer.sniff(sample)
print(repr(dialect.delimiter), repr(dialect.quotechar), sniffer.has_header(sample))
print(list(csv.reader(io.StringIO(sample), dialect))[1])
print(repr(sniffer.sniff("a,b,c\n1,2,3\n", delimiters=",").delimiter))
try:
    sniffer.sniff("")
except csv.Error as e:
    print("csv.Error:", e)
print(csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE, csv.__version__)
print(issubclass(csv.Error, Exception), csv.Error.__module__, type(csv.reader([])).__name__, type(csv.writer(io.StringIO())).__name__)
