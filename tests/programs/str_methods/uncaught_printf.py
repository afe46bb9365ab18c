# An uncaught %-formatting error.
print("%d apples" % 3)
print("%d apples" % "three")
