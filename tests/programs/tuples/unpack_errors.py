# unpacking a list of the wrong length raises ValueError at run time, after earlier output
xs = [1, 2, 3]
a, b, c = xs
print(a, b, c)
p, q = xs
print("not reached")
