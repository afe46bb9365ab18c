import sys

events = []

def prof(frame, event, arg):
    name = frame.f_code.co_name
    if event.startswith('c_'):
        events.append((event, name, arg.__name__))
    elif event == 'return':
        events.append((event, name, repr(arg) if not hasattr(arg, '__next__') else 'gen'))
    else:
        events.append((event, name, arg))

def helper(xs):
    xs.append(len(xs))
    return sorted(xs, key=abs)

def gen():
    yield 1
    yield 2

def failing():
    return int('x')

def main():
    items = [3, -1]
    helper(items)
    isinstance(items, list)
    list.append(items, 5)
    for v in gen():
        pass
    try:
        failing()
    except ValueError:
        pass
    try:
        len(5)
    except TypeError:
        pass
    print('inside', max(items))
    d = {}
    d.get('a', 1)
    "".join(['a'])
    return 7

sys.setprofile(prof)
main()
sys.setprofile(None)
for e in events:
    print(e)
print(sys.getprofile())
