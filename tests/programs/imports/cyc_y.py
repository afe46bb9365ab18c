from cyc_x import X

Y = "y"
