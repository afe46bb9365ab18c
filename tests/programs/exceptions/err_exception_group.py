# An uncaught ExceptionGroup: its boxed traceback ends with a rule line.
def fail_all():
    errors = []
    for i, exc in enumerate([ValueError, TypeError]):
        errors.append(exc("failure %d" % i))
    return errors


errs = fail_all()
print("raising group of", len(errs))
raise ExceptionGroup("several failures", errs)
