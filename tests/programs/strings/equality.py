# String == and != including building equal strings in different ways.
a = "kiln"
b = "ki" + "ln"
c = ""
for p in ["k", "i", "l", "n"]:
    c = c + p
print(a == b, a == c, b == c, a != b, a == "Kiln", a != "kil", "" == "", "a" == "a ")
names = ["ann", "bob", "ann", "cid", "bob", "ann"]
count = 0
for n in names:
    if n == "ann":
        count += 1
print("ann appears", count, "times")
seen = ""
for i in range(len(names)):
    dup = False
    for j in range(i):
        if names[j] == names[i]:
            dup = True
    if not dup:
        seen = seen + names[i] + " "
print("unique:", seen)
print("abc" == "abc" == "abc", "x" != "y" != "x")
