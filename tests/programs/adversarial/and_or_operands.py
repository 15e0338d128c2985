# and/or returning operands (lists alias, strs, floats -0.0), nested conditional expressions, short-circuit in while conditions
a = [5]
b = [1]
c = a and b
c.append(2)
print(a, b, c)
c = a or b
c.append(2)
print(a, b, c)
d = b and a
d.append(3)
print(a, b, d)
print("" or "x", "y" or "z", "" and "q", "p" and "", 0 or 0, 3 and 4, 0.0 or -0.0, -0.0 or 0.0, 1.5 and 0.0)
print(True and False or True, False or False, not 0 or 0 > 1)
def t(v):
    print("t", v)
    return v
x = t(0) or t(0) or t(3) or t(4)
y = t(1) and t(2) and t(0) and t(5)
print(x, y)
z = (t(1) if t(0) else t(2)) if t(3) else t(4)
print(z)
w = t(1) if t(1) else t(2) if t(3) else t(4)
print(w)
if t(0) or t(""):
    print("no")
elif t(2) and not t(0):
    print("yes")
while t(0) and t(1):
    pass
n = 0
while n < 2 and t(n) >= 0:
    n += 1
print(n)
print([t(1)] or [t(2)], [t(0)] and [t(5)])
