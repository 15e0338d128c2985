d = [[True]]
empty = []
d.append(empty)
print(d)
e2 = []
lst = [[1.5], e2]
print(lst)
e3 = []
d2 = [["a"]]
d2[0] = e3
print(d2)
e4 = []
grid = {"k": [1]}
grid["z"] = e4
print(grid)
