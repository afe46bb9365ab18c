import sys
import threading

log = []

def rel(frame):
    return frame.f_lineno - frame.f_code.co_firstlineno

def tracer(frame, event, arg):
    log.append((event, frame.f_code.co_name, rel(frame)))
    return tracer

# threading.settrace only records the hook for new threads; threading.gettrace reads it.
threading.settrace(tracer)
print(threading.gettrace() is tracer, sys.gettrace())
threading.settrace(None)
threading.setprofile(tracer)
print(threading.getprofile() is tracer, sys.getprofile())
threading.setprofile(None)

def key(x):
    return -x

def callbacks():
    return sorted([1, 3, 2], key=key)

def stop_midway():
    a = 1
    sys.settrace(None)
    b = 2
    return a + b

def start_midway():
    # Like pdb.set_trace(): the caller's frame gets a local trace function first.
    sys._getframe().f_trace = tracer
    sys.settrace(tracer)
    x = 1
    y = x + 1
    return y

def helper_not_traced():
    return 5

sys.settrace(tracer)
callbacks()
stop_midway()
helper_not_traced()
start_midway()
sys.settrace(None)

# A trace function that raises: tracing stops and the error propagates.
def failing(frame, event, arg):
    if event == 'line':
        raise KeyError('tracer failed')
    return failing

def victim():
    x = 1
    return x

sys.settrace(failing)
try:
    victim()
except KeyError as e:
    print('caught', e, sys.gettrace())

# The trace function itself is not traced, nor are the functions it calls.
def quiet_helper():
    return 1

def tracer2(frame, event, arg):
    quiet_helper()
    log.append(('t2', event, frame.f_code.co_name))
    return None

sys.settrace(tracer2)
victim()
sys.settrace(None)

# Profiling a method call and a class instantiation.
class Point:
    def __init__(self, x):
        self.x = x
    def norm(self):
        return abs(self.x)

def prof(frame, event, arg):
    name = arg.__name__ if event.startswith('c_') else None
    log.append(('p', event, frame.f_code.co_name, name))

sys.setprofile(prof)
Point(-3).norm()
sys.setprofile(None)

for entry in log:
    print(entry)

# Argument errors, and a hook that is not callable is stored as given.
for call in (lambda: sys.settrace(), lambda: sys.setprofile(1, 2), lambda: sys.gettrace(1), lambda: sys.getprofile(1)):
    try:
        call()
    except TypeError as e:
        print(e)
sys.settrace(42)
print(sys.gettrace())
sys.settrace(None)
