# tuple + tuple, tuple * n, for over a homogeneous tuple, sum(tuple), unpacking a str
t = (1, 2)
print(t + (3,))
print(t * 2)
for v in t:
    print(v)
print(sum(t))
a, b = "xy"
print(a, b)
