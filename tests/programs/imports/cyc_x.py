from cyc_y import Y

X = "x"
