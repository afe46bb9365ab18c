# Tracing switched on inside an __init__ that the register loop entered for its class.
import sys
class P:
    def __init__(self, x):
        if x == 2:
            sys.settrace(tr)
        self.x = x
    def __repr__(self):
        return f"P({self.x})"
events = []
def tr(frame, event, arg):
    events.append((event, frame.f_code.co_name))
    return tr
class Bad:
    def __init__(self):
        return 1
a = [P(i) for i in range(4)]
try:
    Bad()
except TypeError as e:
    events.append(str(e))
sys.settrace(None)
print(a)
print(events)
