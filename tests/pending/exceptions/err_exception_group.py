# An uncaught ExceptionGroup: its boxed traceback ends with a rule line.
print("raising group")
raise ExceptionGroup("several failures", [ValueError("one"), TypeError("two")])
