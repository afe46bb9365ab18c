# The part no except* clause matched propagates; here it is uncaught.
def work():
    try:
        raise ExceptionGroup("jobs", [ValueError("bad value"), KeyError("missing"), ValueError("worse")])
    except* ValueError as g:
        print("handled", len(g.exceptions), "value errors")

work()
