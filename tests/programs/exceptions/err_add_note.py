# An uncaught exception with notes prints the notes after the message.
def parse(text):
    try:
        return int(text)
    except ValueError as e:
        e.add_note("while parsing the config")
        e.add_note("line 3")
        raise


print(parse("12"))
parse("twelve")
