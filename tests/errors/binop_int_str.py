# Adding an int and a str.
# expect: int
# expect: str
# at: 6
n = 1
s = n + "a"
print(s)
