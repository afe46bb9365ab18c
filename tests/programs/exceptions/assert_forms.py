# assert without message, with message objects, and evaluation of the message.
try:
    assert 1 == 2
except AssertionError as e:
    print(repr(e), e.args)
try:
    assert [], ["list", "message"]
except AssertionError as e:
    print(e.args)


def msg():
    print("message evaluated")
    return "m"


assert True, msg()
try:
    assert False, msg()
except AssertionError as e:
    print(e)
