# kiln: build
# ZeroDivisionError from float / 0.0 (floats do not silently give inf in Python).
x = 1.0
d = 0.5
while True:
    print("x / d =", x / d)
    d -= 0.25
