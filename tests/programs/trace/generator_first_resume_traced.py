# Line and call events of generators resumed for the first time by for loops, sum() and
# yield from, with cells and free variables, under sys.settrace.
import sys


def make(k):
    def gen(n):
        acc = []
        for i in range(n):
            acc.append(i)
            yield i * k

    return gen


def plain(n):
    yield from range(n)


def chain(n):
    yield from make(2)(n)
    yield from plain(n)


events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name in ("gen", "plain", "chain"):
        events.append((frame.f_code.co_name, event, frame.f_lineno - frame.f_code.co_firstlineno))
    return tracer


sys.settrace(tracer)
for x in make(3)(2):
    pass
total = sum(chain(2))
sys.settrace(None)
print(total)
for e in events:
    print(*e)
# The same generators untraced, after tracing stopped.
print(list(make(3)(3)), sum(chain(3)))
