# Wording of builtins' argument errors: eval/exec namespaces, compile's source, issubclass.


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


attempt("exec list globals", lambda: exec('x', []))
attempt("exec int globals", lambda: exec('x', 1))
attempt("eval int globals", lambda: eval('x', 1))
attempt("eval list globals", lambda: eval('x', []))
attempt("eval int locals", lambda: eval('x', {}, 1))
attempt("exec int locals", lambda: exec('x', {}, 1))
attempt("eval list locals", lambda: eval('x', {}, []))
attempt("eval locals before globals", lambda: eval('x', 1, 1))
attempt("eval int source", lambda: eval(1))
attempt("exec int source", lambda: exec(1))
attempt("compile int source", lambda: compile(1, 'f', 'eval'))
attempt("eval mapping locals", lambda: eval('x + 1', {}, {'x': 4}))
attempt("issubclass arg 2", lambda: issubclass(int, 1))
attempt("isinstance arg 2", lambda: isinstance(1, 1))
attempt("issubclass arg 1", lambda: issubclass(1, int))
attempt("issubclass tuple", lambda: issubclass(int, (str, 1)))
