"""Generates crates/pyrite-stdlib/src/unicodedata/ucd.bin, the tables of Pyrite's
`unicodedata` module, from CPython 3.11's own `unicodedata` (Unicode 14.0.0, and the
`ucd_3_2_0` view), so that every property answers exactly as CPython's. Name aliases come
from NameAliases.txt and named sequences from NamedSequences.txt (any recent version:
each entry is kept only if CPython 3.11's `lookup` accepts it).

Run: `cargo xtask unicodedata NameAliases.txt NamedSequences.txt` (or this script with
python3.11 and the two paths, from the workspace root). The files are in the Unicode
Character Database (https://www.unicode.org/Public/14.0.0/ucd/); later versions work too.

Format (little-endian), read by crates/pyrite-stdlib/src/unicodedata/tables.rs:
  b"PUCD", u32 format version, then sections in this order, each a u32 byte length and
  its bytes:
  strings: four string lists (categories, bidirectional classes, east asian widths,
           decomposition prefixes), each u16 count then (u8 length, bytes) per string
  for each database (14.0.0, then 3.2.0):
    records: u16 count, then 5 bytes each (category, bidirectional, combining,
             east asian width, mirrored)
    index1:  u16 per 128 code points: the block number
    index2:  u16 per code point of each distinct block: the record number
    decomp:  u32 count, (u32 code point, u32 offset) sorted, u32 data length, then data:
             per entry u8 prefix index, u8 length, u32 code points
    numeric: u32 count, per entry u32 code point, i8 decimal, i8 digit, 2 pad, f64 value
    compose: u32 count, per entry u32 first, u32 second, u32 composite, sorted (3.2.0
             has none: CPython composes with the current pairs in both)
  names:   u32 word count, words (u8 length, bytes); u32 page offsets (0x1100 + 1) into
           the stream; u32 stream length, stream of entries in code point order: u8 low
           byte of the code point, u8 token count, tokens (a word number below 0x80 in one
           byte, else two bytes: 0x80 | high, low); words are joined by spaces
  ranges:  u32 count, (u32 first, u32 last, u8 prefix length, prefix) for names formed
           as prefix + hexadecimal code point (the CJK ideographs, Khitan, Nushu)
  aliases: u32 count, (u32 code point, u8 length, name)
  named sequences: u32 count, (u8 name length, name, u8 count, u32 code points)
"""
import struct
import sys
import unicodedata

assert sys.version_info[:2] == (3, 11), "run with CPython 3.11 (Unicode 14.0.0)"
assert unicodedata.unidata_version == "14.0.0"

SHIFT = 7
MAX = 0x110000
ALGORITHMIC = ["CJK UNIFIED IDEOGRAPH-", "CJK COMPATIBILITY IDEOGRAPH-", "KHITAN SMALL SCRIPT CHARACTER-", "NUSHU CHARACTER-"]

out = bytearray(b"PUCD")
out += struct.pack("<I", 1)


def section(data):
    out.extend(struct.pack("<I", len(data)))
    out.extend(data)


def string_list(items):
    data = bytearray(struct.pack("<H", len(items)))
    for s in items:
        b = s.encode("ascii")
        data += struct.pack("<B", len(b)) + b
    return data


dbs = [unicodedata, unicodedata.ucd_3_2_0]
categories, bidis, widths, prefixes = [], [], [], [""]


def intern(table, value):
    if value not in table:
        table.append(value)
    return table.index(value)


# Collect the per-database tables first (interning the strings), then write.
per_db = []
for db in dbs:
    records, record_index, cp_records = [], {}, []
    decomps, numerics, composes = [], [], []
    for cp in range(MAX):
        c = chr(cp)
        rec = (
            intern(categories, db.category(c)),
            intern(bidis, db.bidirectional(c)),
            db.combining(c),
            intern(widths, db.east_asian_width(c)),
            db.mirrored(c),
        )
        if rec not in record_index:
            record_index[rec] = len(records)
            records.append(rec)
        cp_records.append(record_index[rec])
        if db is not unicodedata:
            # 3.2.0 is stored as differences: its normalization corrections, and the
            # numeric values that changed (a character unassigned in 3.2.0 has none).
            if db.category(c) == "Cn":
                continue
            nfd = db.normalize("NFD", c)
            if nfd != unicodedata.normalize("NFD", c):
                assert len(nfd) == 1
                decomps.append((cp, 0, [ord(nfd)]))
            old = (db.decimal(c, None), db.digit(c, None), db.numeric(c, None))
            if old != (unicodedata.decimal(c, None), unicodedata.digit(c, None), unicodedata.numeric(c, None)):
                dec, dig, num = old
                numerics.append((cp, -1 if dec is None else dec, -1 if dig is None else dig, float("nan") if num is None else num))
            continue
        d = db.decomposition(c)
        if d:
            parts = d.split()
            prefix = parts[0] if parts[0].startswith("<") else ""
            points = [int(p, 16) for p in (parts[1:] if prefix else parts)]
            decomps.append((cp, intern(prefixes, prefix), points))
            if not prefix and len(points) == 2:
                if db.normalize("NFC", chr(points[0]) + chr(points[1])) == c:
                    composes.append((points[0], points[1], cp))
        dec = db.decimal(c, None)
        dig = db.digit(c, None)
        num = db.numeric(c, None)
        if dec is not None or dig is not None or num is not None:
            numerics.append((cp, -1 if dec is None else dec, -1 if dig is None else dig, float("nan") if num is None else num))
    per_db.append((records, cp_records, decomps, numerics, sorted(composes)))

section(string_list(categories) + string_list(bidis) + string_list(widths) + string_list(prefixes))

for records, cp_records, decomps, numerics, composes in per_db:
    data = bytearray(struct.pack("<H", len(records)))
    for rec in records:
        data += struct.pack("<5B", *rec)
    section(data)
    blocks, block_index, index1 = [], {}, []
    for start in range(0, MAX, 1 << SHIFT):
        block = tuple(cp_records[start:start + (1 << SHIFT)])
        if block not in block_index:
            block_index[block] = len(blocks)
            blocks.append(block)
        index1.append(block_index[block])
    section(struct.pack(f"<{len(index1)}H", *index1))
    flat = [r for b in blocks for r in b]
    section(struct.pack(f"<{len(flat)}H", *flat))
    data = bytearray(struct.pack("<I", len(decomps)))
    body = bytearray()
    for cp, prefix, points in decomps:
        data += struct.pack("<II", cp, len(body))
        body += struct.pack(f"<BB{len(points)}I", prefix, len(points), *points)
    data += struct.pack("<I", len(body)) + body
    section(data)
    data = bytearray(struct.pack("<I", len(numerics)))
    for cp, dec, dig, num in numerics:
        data += struct.pack("<Ibbxxd", cp, dec, dig, num)
    section(data)
    data = bytearray(struct.pack("<I", len(composes)))
    for a, b, c in composes:
        data += struct.pack("<III", a, b, c)
    section(data)

# Names (the 14.0.0 database; 3.2.0 shows those of characters it had assigned).
names, ranges = {}, []
for cp in range(MAX):
    n = unicodedata.name(chr(cp), None)
    if n is None or n.startswith("HANGUL SYLLABLE "):
        continue
    prefix = next((p for p in ALGORITHMIC if n.startswith(p)), None)
    if prefix is not None:
        assert n == prefix + f"{cp:04X}"
        if ranges and ranges[-1][2] == prefix and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp, prefix])
        continue
    names[cp] = n.split(" ")
counts = {}
for words in names.values():
    for w in words:
        counts[w] = counts.get(w, 0) + 1
vocab = sorted(counts, key=lambda w: (-counts[w], w))
assert len(vocab) < 0x8000
number = {w: i for i, w in enumerate(vocab)}
data = bytearray(struct.pack("<I", len(vocab)))
for w in vocab:
    b = w.encode("ascii")
    data += struct.pack("<B", len(b)) + b
stream = bytearray()
pages = []
for page in range(MAX >> 8):
    pages.append(len(stream))
    for cp in range(page << 8, (page + 1) << 8):
        words = names.get(cp)
        if words is None:
            continue
        stream += struct.pack("<BB", cp & 0xFF, len(words))
        for w in words:
            i = number[w]
            stream += struct.pack("<B", i) if i < 0x80 else struct.pack(">H", 0x8000 | i)
pages.append(len(stream))
data += struct.pack(f"<{len(pages)}I", *pages)
data += struct.pack("<I", len(stream)) + stream
section(data)

data = bytearray(struct.pack("<I", len(ranges)))
for first, last, prefix in ranges:
    b = prefix.encode("ascii")
    data += struct.pack("<IIB", first, last, len(b)) + b
section(data)

aliases = []
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        line = line.split("#")[0].strip()
        if not line:
            continue
        cp, alias, _kind = line.split(";")
        try:
            if unicodedata.lookup(alias) == chr(int(cp, 16)):
                aliases.append((int(cp, 16), alias))
        except KeyError:
            pass
data = bytearray(struct.pack("<I", len(aliases)))
for cp, alias in aliases:
    b = alias.encode("ascii")
    data += struct.pack("<IB", cp, len(b)) + b
section(data)

sequences = []
with open(sys.argv[2], encoding="utf-8") as f:
    for line in f:
        line = line.split("#")[0].strip()
        if not line:
            continue
        name, points = line.split(";")
        text = "".join(chr(int(p, 16)) for p in points.split())
        try:
            if unicodedata.lookup(name) == text:
                sequences.append((name, text))
        except KeyError:
            pass
data = bytearray(struct.pack("<I", len(sequences)))
for name, text in sequences:
    b = name.encode("ascii")
    data += struct.pack("<B", len(b)) + b + struct.pack(f"<B{len(text)}I", len(text), *map(ord, text))
section(data)

with open("crates/pyrite-stdlib/src/unicodedata/ucd.bin", "wb") as f:
    f.write(out)
print(f"{len(out)} bytes; {len(names)} names, {len(vocab)} words, {len(aliases)} aliases, {len(sequences)} named sequences")
