# sys's descriptive attributes (struct sequences) that the standard library reads.
import sys

print(sys.float_info)
print(sys.int_info)
print(sys.hash_info)
print(sys.float_info.max, sys.float_info[0], len(sys.float_info), isinstance(sys.float_info, tuple))
print(type(sys.flags).__name__, len(sys.flags), sys.flags.optimize, sys.flags.debug, sys.flags.dev_mode)
print(sys.maxunicode, sys.float_repr_style, sys.warnoptions, sys._xoptions)
print(sys.getswitchinterval(), sys.gettrace(), sys.getprofile(), sys.is_finalizing())
sys.settrace(None)
print(sys.get_asyncgen_hooks())
print(sys.thread_info.name, sys.getfilesystemencodeerrors())
a, b, c, d = sys.int_info
print(a, b, c, d)
