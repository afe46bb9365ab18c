# A new exception raised from except* joins the unhandled rest in a new group.
try:
    raise ExceptionGroup("orig", [ValueError(1), TypeError(2)])
except* ValueError:
    raise RuntimeError("from handler")
