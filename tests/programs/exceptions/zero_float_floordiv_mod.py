# ZeroDivisionError from float // 0.0 after float % works on other values.
vals = [5.5, -2.25, 0.0]
for v in vals:
    print(7.5 % 2.0, 7.5 // 2.0, v)
for v in vals:
    print("7.5 // v =", 7.5 // v)
