# kiln: build
# The six comparison operators on ints, floats, bools and strings.
ints = [-3, 0, 2, 2, 7]
for a in ints:
    for b in ints:
        print(a, b, a < b, a <= b, a > b, a >= b, a == b, a != b)
fl = [-1.5, 0.0, -0.0, 2.25]
for x in fl:
    for y in fl:
        print(x, y, x < y, x <= y, x > y, x >= y, x == y, x != y)
print(1 == 1.0, 1 != 1.0, 2 < 2.5, 3 >= 2.999, -1 > -1.0001, 0 == -0.0)
print(True == True, True != False, False < True, True <= True, True > False, False >= True)
print("abc" == "abc", "abc" == "abd", "abc" != "ab", "" == "", "a" + "b" == "ab", "é" == "é")
r1 = 10 > 3
r2 = 2.0 <= 1.5
print(r1, r2, r1 == r2, r1 != r2)
