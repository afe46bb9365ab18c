# breakpoint() calls sys.breakpointhook, whose default follows $PYTHONBREAKPOINT.
import sys
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
calls = []
sys.breakpointhook = lambda *a, **k: calls.append((a, k)) or 'hooked'
t(lambda: breakpoint(1, x=2))
print(calls)
del sys.breakpointhook
t(lambda: breakpoint())
sys.breakpointhook = sys.__breakpointhook__
import os
os.environ['PYTHONBREAKPOINT'] = '0'
t(lambda: breakpoint())
os.environ['PYTHONBREAKPOINT'] = 'nonexistent_xyz.hook'
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    t(lambda: breakpoint())
    print([str(x.message) for x in w], [x.category.__name__ for x in w])
os.environ['PYTHONBREAKPOINT'] = 'builtins.len'
t(lambda: breakpoint('abc'))
os.environ['PYTHONBREAKPOINT'] = 'len'
t(lambda: breakpoint([1, 2]))
print(sys.breakpointhook is sys.__breakpointhook__, breakpoint.__name__)
