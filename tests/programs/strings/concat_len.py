# kiln: build
# String concatenation and len().
a = "Hello"
b = "World"
c = a + ", " + b + "!"
print(c, len(c), len(a), len(""), len(a + b))
s = ""
for i in range(10):
    s = s + str(i)
print(s, len(s))
parts = ["alpha", "beta", "gamma"]
joined = ""
for p in parts:
    if joined != "":
        joined = joined + "-"
    joined = joined + p
print(joined, len(joined))
long = ""
for i in range(100):
    long = long + "ab"
print(len(long))
e = ""
e += "x"
e += ""
e += "yz"
print(e, len(e), e == "xyz")
