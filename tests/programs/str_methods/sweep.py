# Differential sweep: every search/split/case method over generated mixed-width strings.
samples = ['\u2028\u4e00 \t\r', ' \u03c3A\n\u0130', '\t\u01c5\n\u0130 \x0b', ' \u4e00 ', 'A\x1c\xbd', '\u2028\x0b_\xc9\r\u03a3', '\r\t \u03c3\u1e9e', "\u0130'\ufb01\ufb01+_\u01c5\xc9", '\n_\u1e9e', '\u0149\xbd\t\x0b\U0001f600', '.\u2028', "\U0001f600A\t'.-\u1e9e", '\t\n\u0661\u0345\t _', '\xbd0-b\ufb01-\xe9', '\u1e9e', '', '\xbd\x1c\u01c5', '\u4e00\u1e9e\n\xe9\u0149\u4e00', '\u0661\x1c\u0130\u0661\U0001f600-0\xdf', '\n\xc9', '\xdf\xdf', '', '\xc91\xbda\u2028\U0001f600+', '\x1c \ufb01\u4e00\u4e00', '\u4e00\r\u0345\u4e00 \u03a3', '\u03c3', '\xe9\x0b. \ra\u2028', '\r+b\t\u03c30\u20281', '+\u0345\x0b\x0b\u1e9e', '\u0345\u0345_\n\u2028\r.', '\u0345\xe9b\u03c3', '+\u2028b_\n1+\xe9', '\xdf.\xdf\u03a3\u01c5', '\xdf\u03a3\u1e9e-bb', '\u03451\u03a3-', '-+\n\xdf\r\xdf\u0345', '.\u03c3\u0345', '', '-\n\x0b0\u03a3\u0345\xc9', '.\n\u4e00\ufb01\u4e00\n', '\xe9\x1c', '', '\ufb01\u2028', '-\u2028\x1cba\r\x1c', '\u03a3\u03c3b1\u03c3\xbd', "\u01c5'1\U0001f600\x1c -\ufb01", '\U0001f600\x1c\u2028b\u0149\xc9a\u2028', '\u2028\u0345', ' ', '\u0345\r \u01c5\u03a3', 'A\r\u0149b', '\u0149', '\u03a3\u0661\u0149\u0345\u01c5', '1\u03a3\u0149\x1c\U0001f600\x0b\u4e00\u0149', '\t\u01c5\u0130\t\u03c3', '\x0b\u2028+\u2028', '\x1c\ufb01\xdf\r', '\u1e9e\xe9\xdf\xe9\u0130\u4e00', "\U0001f600\u03a3-'\n", 'b.\ufb01\u0149b']
needles = ['', 'a', 'ab', ' ', '\xe9', '\U0001f600', 'aa', '\r\n', '\u03a3']

for s in samples:
    print(ascii(s), ascii(s.upper()), ascii(s.lower()), ascii(s.casefold()), ascii(s.swapcase()), ascii(s.title()), ascii(s.capitalize()))
    print(s.isalnum(), s.isalpha(), s.isdecimal(), s.isdigit(), s.isnumeric(), s.isspace(), s.istitle(), s.islower(), s.isupper(), s.isidentifier(), s.isprintable())
    print(ascii(s.split()), ascii(s.rsplit(None, 1)), ascii(s.split(None, 1)), ascii(s.splitlines()), ascii(s.splitlines(True)), ascii(s.strip()), ascii(s.expandtabs(3)), ascii(s.zfill(6)), ascii(s.center(7, "*")))
    for n in needles:
        r = [s.find(n), s.rfind(n), s.count(n), s.startswith(n), s.endswith(n), s.find(n, 2), s.rfind(n, 1, -1), s.count(n, -3)]
        if n:
            r += [s.split(n), s.rsplit(n, 1), s.split(n, 1), s.partition(n), s.rpartition(n), s.strip(n)]
        r += [s.replace(n, "<>"), s.replace(n, "", 1)]
        print(ascii(r))

