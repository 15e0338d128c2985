# ValueError: negative shift count.
x = 1024
for s in [3, 2, 1, 0, -1]:
    print(x, ">>", s, "=", x >> s)
