print("circ_b starts")
import circ_a

B = "b"
print("circ_b sees circ_a without A:", hasattr(circ_a, "A"))
print("circ_b ends")
