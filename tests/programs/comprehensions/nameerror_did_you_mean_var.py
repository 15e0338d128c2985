# Inside a comprehension the frame is the comprehension's: its variables are the local names
# CPython suggests from (kiln has no `<listcomp>` traceback entry, so only the last line is compared).
def pairs(n):
    return [ab for a in range(n)]


print(pairs(0))
print(pairs(2))
ab = 1
