# kiln: build
# Count N-queens solutions by backtracking with lists of column/diagonal flags.
def solve(n):
    cols = [False] * n
    d1 = [False] * (2 * n)
    d2 = [False] * (2 * n)
    return place(0, n, cols, d1, d2)


def place(row, n, cols, d1, d2):
    if row == n:
        return 1
    count = 0
    for c in range(n):
        if not cols[c] and not d1[row + c] and not d2[row - c + n]:
            cols[c] = True
            d1[row + c] = True
            d2[row - c + n] = True
            count += place(row + 1, n, cols, d1, d2)
            cols[c] = False
            d1[row + c] = False
            d2[row - c + n] = False
    return count


for n in range(1, 10):
    print(n, "queens:", solve(n))


def first_solution(n):
    pos = [-1] * n
    row = 0
    while 0 <= row < n:
        c = pos[row] + 1
        placed = False
        while c < n:
            ok = True
            for r in range(row):
                if pos[r] == c or pos[r] - c == r - row or pos[r] - c == row - r:
                    ok = False
                    break
            if ok:
                pos[row] = c
                placed = True
                break
            c += 1
        if placed:
            row += 1
        else:
            pos[row] = -1
            row -= 1
    return pos


sol = first_solution(8)
print(sol)
for r in range(8):
    line = ""
    for c in range(8):
        line = line + ("Q " if sol[r] == c else ". ")
    print(line)
