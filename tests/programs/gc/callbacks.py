# gc.callbacks: called with ("start", info) before and ("stop", info) after every
# collection, explicit or automatic; errors are reported and the rest still run.
import gc
import sys

events = []


def record(phase, info):
    events.append((phase, info["generation"], info["collected"], info["uncollectable"], sorted(info)))


gc.collect()
gc.callbacks.append(record)


class Node:
    def __init__(self):
        self.me = self


for _ in range(5):
    Node()
found = gc.collect()
print(events)
print(found)

events.clear()
gc.collect(0)
print(events[0][:2], events[1][:2], events[1][3])

# Automatic collections call them too.
events.clear()
gc.set_threshold(10)
junk = []
for i in range(200):
    junk.append(Node())
gc.set_threshold(700, 10, 10)
print(len(events) > 0, len(events) % 2 == 0)
print(all(e[0] == ("start" if i % 2 == 0 else "stop") for i, e in enumerate(events)))
print({e[1] for e in events} <= {0, 1, 2})
print(all(e[2] == 0 for e in events if e[0] == "start"))
gc.callbacks.remove(record)


# A failing callback is reported as unraisable; the next one still runs.
def failing(phase, info):
    raise ValueError("callback failed " + phase)


seen = []
caught = []
sys.unraisablehook = lambda u: caught.append((type(u.exc_value).__name__, str(u.exc_value), u.err_msg, u.object is failing))
gc.callbacks.extend([failing, lambda phase, info: seen.append(phase)])
gc.collect()
gc.callbacks.clear()
print(seen)
print(caught)

# Rebinding gc.callbacks does not replace the list the collector calls.
calls = []
gc.callbacks.append(lambda phase, info: calls.append(phase))
gc.callbacks = []
gc.collect()
print(calls)

# Inside a callback no other collection starts: gc.collect() there finds nothing to do.
inner = []
gc.callbacks.append(lambda phase, info: inner.append(gc.collect()))
gc.collect()
gc.callbacks.clear()
print(inner)
