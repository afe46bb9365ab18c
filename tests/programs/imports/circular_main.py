import sys
import circ_a
print(circ_a.use_b(), sys.modules["circ_b"].circ_a is circ_a)
