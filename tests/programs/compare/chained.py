# kiln: build
# Chained comparisons: a < b < c means a < b and b < c, with b evaluated once.
def val(name, v):
    print("eval", name, end="; ")
    return v


for x in [-5, 0, 5, 10, 15]:
    print(x, 0 < x < 10, 0 <= x <= 10, x < 10 > 2, 0 < x != 5, -10 < x < 10 < 20)
print(1 < 2 < 3 < 4 < 5, 1 < 2 < 3 > 4 < 5, 5 > 4 > 3 > 2 > 1, 1 == 1 == 1, 1 == 1 != 2)
print(1 < 2.5 < 3, 0.0 == -0.0 == 0, 2 > 1.5 > 1 > 0.5 > 0)
print(val("a", 1) < val("b", 2) < val("c", 3))
print(val("a", 1) < val("b", 0) < val("c", 3))
print(val("a", 5) > val("b", 3) > val("c", 4) > val("d", 0))
print(val("a", 2) == val("b", 2) == val("c", 2) != val("d", 2))
lo = 3
hi = 8
count = 0
for i in range(12):
    if lo <= i < hi:
        count += 1
print("in range:", count)
s = "x"
print(s == "x" == s, s != "y" != s)
