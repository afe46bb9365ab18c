# CPython 3.11 closes a generator that never started by throwing GeneratorExit into it,
# which a trace function sees as 'call', 'exception' and 'return' of its frame.
import sys

def tr(frame, event, arg):
    if event == 'exception':
        arg = arg[0].__name__
    print(event, frame.f_code.co_name, arg)
    return tr

def acc():
    yield 1

sys.settrace(tr)
try:
    acc().send(1)
except TypeError as err:
    print(err)
g = acc()
del g
print(type(x for x in []).__name__)
sys.settrace(None)
print('end')
