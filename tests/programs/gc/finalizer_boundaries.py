# A finalizer runs right after the instruction that dropped the last reference, before the
# next instruction reads anything, even when that next instruction is a plain load or jump
# (which the register loop runs without looking at the eval breaker).


def through_cell():
    flag = 0

    class D:
        def __del__(self):
            nonlocal flag
            flag += 1

    x = D()
    del x
    first = flag  # LOAD_DEREF straight after DELETE_FAST
    x = D()
    x = None
    second = flag  # after STORE_FAST
    y = D()
    y = 5
    third = flag if y else -1  # a jump on an int after the drop
    return first, second, third


print(through_cell())

log = []


class Logged:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append(self.name)


def in_loop(n):
    seen = []
    for i in range(n):
        obj = Logged(i)
        obj = None
        seen.append(len(log))  # the finalizer of Logged(i) already ran
    return seen


print(in_loop(5))
log.clear()


def pop_then_copy():
    out = []
    a = [Logged("a")]
    a.pop()  # the popped value is discarded by POP_TOP
    out.append(list(log))
    d = {"k": Logged("k")}
    d["k"] = 0  # STORE_SUBSCR drops the old value
    out.append(list(log))
    x = Logged("x")
    x, y = 1, 2  # the old x dropped by the unpacking's store
    out.append(list(log))
    return out


print(pop_then_copy())
log.clear()


def conditional_drop(flags):
    out = []
    for f in flags:
        holder = Logged(f)
        del holder
        if log and log[-1] == f:
            out.append("ran")
        else:
            out.append("late")
    return out


print(conditional_drop(["p", "q", "r"]))
