# Changing a dict, set or list while iterating over it: CPython's RuntimeErrors.
def t(label, f):
    try: print(label, repr(f()))
    except Exception as e: print(label, type(e).__name__, e)
def d1():
    d = {1: 1, 2: 2}
    for k in d: d[k + 10] = 0
t('dict add during iter', d1)
def d2():
    d = {1: 1, 2: 2}
    for k in d: del d[k]
t('dict del during iter', d2)
def d3():
    d = {1: 1, 2: 2}
    for k in d:
        del d[k]; d[k + 10] = 1
t('dict keys changed', d3)
def d4():
    d = {1: 1}
    for v in d.values(): d[5] = 1
t('dict values during iter', d4)
def d5():
    d = {1: 1}
    for v in d.items(): d.pop(1)
t('dict items during iter', d5)
def s1():
    s = {1, 2}
    for x in s: s.add(x + 10)
t('set add during iter', s1)
def s2():
    s = {1, 2}
    for x in s: s.discard(x)
t('set discard during iter', s2)
def l1():
    l = [1, 2, 3]
    for x in l:
        if len(l) < 6: l.append(x)
    return l
t('list append during iter', l1)
def d6():
    d = {1: 1, 2: 2}
    it = iter(d); next(it); d.clear(); return list(it)
t('dict clear mid iter', d6)
def d7():
    d = {1: 1}
    r = reversed(d); d[2] = 2; return list(r)
t('reversed dict changed', d7)
def d8():
    d = {i: i for i in range(5)}
    for k in d: d[k] = 0  # value update ok
    return d
t('dict update values ok', d8)
t('dict view len changes', lambda: (lambda d, v: (d.update({2: 3}), len(v))[1])({1: 1}, {1: 1}.keys()))
def s3():
    s = {1, 2, 3}
    it = iter(s); next(it); s.pop(); s.add(99); return sorted(it)
t('set pop add mid iter', s3)
