print("circ_a starts")
import circ_b

A = "a"


def use_b():
    return circ_b.B + A


print("circ_a ends")
