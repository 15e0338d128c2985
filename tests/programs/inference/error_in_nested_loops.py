# Uncaught exceptions deep inside nested loops over list-of-lists built from empty lists (IndexError after output)
def walk(xss, i):
    total = 0
    for row in xss:
        for v in row:
            total += v
            print("at", v)
    return total + xss[i][0]

def outer(n):
    grid = []
    for k in range(n):
        grid.append([])
        grid[k].append(k)
    return walk(grid, n)

print(outer(2))
print(outer(3))
