# The native time module: clocks move forward, sleep waits, bad arguments raise.
import time
import sys

print(time)
print(type(time.time()), type(time.time_ns()), type(time.perf_counter_ns()))
start = time.perf_counter()
time.sleep(0.01)
print(time.perf_counter() - start >= 0.009)
a = time.monotonic()
b = time.monotonic()
print(b >= a)
print(time.process_time() >= 0)
print("time" in sys.builtin_module_names, "sys" in sys.builtin_module_names)
for bad in [-1, "x", None, float("nan")]:
    try:
        time.sleep(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
import time as again
print(again is time, sys.modules["time"] is time)
time.sleep(0)
