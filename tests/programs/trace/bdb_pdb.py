import bdb
import io
import pdb
import sys

class Recorder(bdb.Bdb):
    def __init__(self):
        super().__init__()
        self.seen = []

    def user_call(self, frame, args):
        self.seen.append(('call', frame.f_code.co_name, frame.f_lineno))
        self.set_step()

    def user_line(self, frame):
        self.seen.append(('line', frame.f_code.co_name, frame.f_lineno))
        self.set_step()

    def user_return(self, frame, value):
        self.seen.append(('return', frame.f_code.co_name, value))
        self.set_step()

    def user_exception(self, frame, exc_info):
        self.seen.append(('exception', frame.f_code.co_name, exc_info[0].__name__))
        self.set_step()

def square(n):
    result = n * n
    return result

def work():
    total = 0
    for i in range(2):
        total += square(i)
    try:
        {}['missing']
    except KeyError:
        total += 1
    return total

rec = Recorder()
rec.runcall(work)
base = work.__code__.co_firstlineno
for event, name, info in rec.seen:
    if event == 'line':
        info -= base
    print(event, name, info)
print(sys.gettrace())

# Breakpoints: stop only at a line in square.
class Stopper(bdb.Bdb):
    def __init__(self):
        super().__init__()
        self.hits = []
    def user_line(self, frame):
        self.hits.append((frame.f_code.co_name, frame.f_lineno - base, dict(frame.f_locals)))
        self.set_continue()

st = Stopper()
st.set_break(__file__, square.__code__.co_firstlineno + 1)
st.runcall(work)
print(st.hits)

out = io.StringIO()
cmds = io.StringIO("step\nnext\np total\ncontinue\n")
debugger = pdb.Pdb(stdin=cmds, stdout=out, nosigint=True)
debugger.use_rawinput = False
debugger.runcall(work)
text = out.getvalue().replace(__file__, 'FILE')
print(text)
