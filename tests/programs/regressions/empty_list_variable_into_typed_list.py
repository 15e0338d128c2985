# An empty list held in a variable, then put into a list whose element type is already known:
# the variable takes its type from the container (as `[[True], []]` does for a literal). Kiln
# used to default it to list[int] and report "cannot append list[int] to a list of list[bool]".
d = [[True]]
empty = []
d.append(empty)
print(d)
