# Tuple operations CPython supports, rejected by kiln with CPython's own TypeError wording, which
# reads as if the program were wrong. Expected (CPython): "(1, 2, 3)" / "(1, 2, 1, 2)" / "1" "2" / "3" / "x y".
# kiln (each line alone): "unsupported operand type(s) for +: 'tuple[int, int]' and 'tuple[int]'",
# "unsupported operand type(s) for *: ...", "'tuple[int, int]' object is not iterable" (for, sum(t), list(t)),
# and for `a, b = "xy"` "cannot unpack non-iterable str object". These should say `kiln does not support ... yet`.
t = (1, 2)
print(t + (3,))
print(t * 2)
for v in t:
    print(v)
print(sum(t))
a, b = "xy"
print(a, b)
