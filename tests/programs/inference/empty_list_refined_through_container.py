# An empty list stored in another list, whose element type is fixed only through the container
# (`e[0].append`): the display `[inner]` teaches `inner`.
inner = []
e = [inner]
e[0].append("x")
print(e, inner)
