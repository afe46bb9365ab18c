# A trace function that assigns frame.f_locals changes the frame (PyFrame_LocalsToFast).
import sys

def tracer(frame, event, arg):
    if event == 'line' and frame.f_code.co_name == 'victim':
        offset = frame.f_lineno - frame.f_code.co_firstlineno
        if offset == 3:
            frame.f_locals['x'] = 100
            frame.f_locals['captured'] = 'changed'
    return tracer

def victim():
    x = 1
    captured = 'original'
    y = x + 1
    inner = lambda: captured
    return x, y, inner()

sys.settrace(tracer)
print(victim())
sys.settrace(None)
print(victim())
