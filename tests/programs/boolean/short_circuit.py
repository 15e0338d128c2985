# kiln: build
# and / or evaluate left to right and stop as soon as the result is known.
def t(name):
    print("t(" + name + ")", end=" ")
    return True


def f(name):
    print("f(" + name + ")", end=" ")
    return False


def v(name, x):
    print(name, end=" ")
    return x


print(t("a") and t("b"))
print(t("a") and f("b") and t("c"))
print(f("a") and t("b"))
print(t("a") or t("b"))
print(f("a") or f("b") or t("c") or t("d"))
print(f("a") or t("b") and f("c"))
print((f("a") or t("b")) and f("c"))
print(not t("a") or t("b"))
print(not (t("a") and f("b")))
print(t("a") and (f("b") or t("c")) and t("d"))
# and / or return one of their operands
print(v("x", 0) or v("y", 5) or v("z", 7))
print(v("x", 3) and v("y", 4))
print(v("x", 3) and v("y", 0) and v("z", 9))
print(v("x", 0.0) or v("y", 2.5))
print(v("x", 1.5) and v("y", 0.0))
print(0 or 0, 1 and 2, 0 and 1, 7 or 8, 0.0 or 1.0, 2.0 and 0.0)
i = 0
n = 0
while i < 10 and t(str(i)):
    if i % 3 == 0 or f("skip"):
        n += 1
    i += 1
print()
print("n =", n)
xs = [1, 2, 3]
k = 5
# the index is only evaluated when the bound check passes
if k < len(xs) and xs[k] > 0:
    print("unreachable")
else:
    print("guarded index not evaluated")
if k >= len(xs) or xs[k] > 0:
    print("or guard ok")
