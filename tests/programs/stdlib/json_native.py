# json through its native accelerator _json: scanstring, the scanner (numbers, constants,
# hooks, JSONDecodeError messages and positions), the encoder (separators, sort_keys,
# skipkeys, allow_nan, default, circular references, float/int subclasses), the string
# escapers, and the recursion limits.
import json, _json
from json import decoder
def t(f, *a, **k):
    try:
        r = f(*a, **k); print('OK', repr(r))
    except Exception as e: print(type(e).__name__, repr(str(e)), getattr(e, 'pos', None))
S = _json.scanstring
for args in [('"abc"', 1), ('abc"', 0), ('"abc', 1), ('"a\x01b"', 1), ('"a\x01b"', 1, False), ('"a\\x"', 1), ('"a\\u12"', 1),
             ('"a\\u12zz"', 1), ('"a\\ud834\\udd1e"', 1), ('"a\\ud834x"', 1), ('"a\\ud834\\u0041"', 1), ('"a\\', 1), ('"a', 5), ('"a', -1),
             (1, 1), ('"a"', 'x'), ('"\\n\\t\\"\\/\\b\\f\\r"', 1), ('"a\\ud834\\uzzzz"', 1), ('"\\u00e9x"', 1), ('"\\uD834\\uDD1E"', 1)]:
    t(S, *args)
t(S, '"a"', 1, strict=False)
for s in ['', ' ', '[1,]', '{"a":1,}', '{"a" 1}', '{"a":1 "b":2}', '[1 2]', '{1:2}', 'nul', 'tru', '-', '1.', '1e', '01', '[', '{', '"x',
          'NaN', '-Infinity', 'Infinity', '1 x', '[1,2', '{"a"', '{"a":', '-0', '1E400', '["\\ud800"]', '123456789012345678901234567890',
          '1.5e3', '"\\u00e9"', '[[]]', ' {"a" : [1, 2.5e-3, {"b": null}], "c": true, "d": false } ', '1e+5', '1e-', '-1.0E+2',
          '[-]', '{"a":1, "a":2}', '\t\n\r 7 \n']:
    t(json.loads, s)
print(json.loads('{"a": 1.5, "b": [1, 2]}', parse_float=str, parse_int=lambda s: int(s) * 10))
print(json.loads('[NaN, Infinity]', parse_constant=lambda c: c.lower()))
print(json.loads('{"b": 1, "a": {"c": 2}}', object_pairs_hook=lambda p: p), json.loads('{"x": 1}', object_hook=lambda d: sorted(d)))
E = _json.encode_basestring_ascii
t(E, 'a"\\\n\x00é\U0001F600\u2028\x7f'); t(_json.encode_basestring, 'a"\\\n\x00é\U0001F600\x7f'); t(E, 1); t(_json.encode_basestring, b'x')
print(json.dumps({'b': [1, 2.5, float('inf'), None, True], 'a': 'x', 3: 4, 1.5: 2, None: 1, True: 0}))
print(json.dumps({'b': [1, 2.5], 'é': 'ü\n'}, ensure_ascii=False), json.dumps('x\ny'), json.dumps(['\U0001F600']))
t(json.dumps, {(1,): 2})
t(json.dumps, {(1,): 2}, skipkeys=True)
t(json.dumps, float('nan'), allow_nan=False)
t(json.dumps, [float('-inf')], allow_nan=False)
t(json.dumps, {1.5: 1, float('nan'): 2})
t(json.dumps, object())
a = []; a.append(a); t(json.dumps, a)
d = {}; d['x'] = d; t(json.dumps, d)
t(json.dumps, {'b': 1, 'a': 2}, sort_keys=True)
t(json.dumps, {'b': 1, 2: 2}, sort_keys=True)
t(json.dumps, [1, 2], separators=(';', '='))
t(json.dumps, {'a': [1]}, separators=(';', '='))
t(json.dumps, [(), [], {}, ((1,),)])
class F(float):
    def __repr__(self): return 'F!'
class I(int):
    def __repr__(self): return 'I!'
t(json.dumps, [F(1.5), I(3), {I(4): F(2.5)}])
from collections import OrderedDict
t(json.dumps, OrderedDict([('z', 1), ('a', 2)]))
t(json.dumps, {'when': 1}, default=str)
t(json.dumps, [1j], default=lambda o: [o.real, o.imag])
t(json.dumps, [1, {'a': 'b'}], indent=2)
import io
buf = io.StringIO(); json.dump({'k': [1, 2, 3]}, buf); print(buf.getvalue())
enc = _json.make_encoder(None, lambda o: 'D', _json.encode_basestring, None, ':', ',', False, False, True)
print(enc([1, {'a': object()}], 0), type(enc).__name__, type(_json.make_scanner(json.decoder.JSONDecoder())).__name__)
print(sorted(n for n in dir(enc) if not n.startswith('__')), enc.sort_keys, enc.key_separator)
sc = _json.make_scanner(json.decoder.JSONDecoder())
print(sorted(n for n in dir(sc) if not n.startswith('__')), sc.strict)
t(sc, '[1]', 0); t(sc, ' [1]', 0); t(sc, '[1]', 5); t(sc, '[1]', -1); t(sc, 1, 0); t(sc, '1', 'x'); t(sc, string='1', idx=0); t(sc, '1')
t(enc); t(enc, 1); t(enc, 1, 'x'); t(enc, obj=[1], _current_indent_level=0)
e2 = _json.make_encoder({}, lambda o: o, lambda s: 5, None, ':', ',', False, False, True)
t(e2, ['x'], 0)
t(e2, [object()], 0)
t(_json.make_encoder, [], 1, 2, 3, 'a', 'b', 1, 1, 1)
t(_json.make_encoder, None, 1, 2, 3, 'a', 'b', 1, 1)
t(_json.make_encoder, None, 1, 2, 3, 5, 'b', 1, 1, 1)
t(_json.make_scanner, 1)
import sys; sys.setrecursionlimit(100)
t(json.loads, '[' * 200 + ']' * 200)
t(json.loads, '{"a":' * 200 + '1' + '}' * 200)
l = []
for i in range(200): l = [l]
t(json.dumps, l)
