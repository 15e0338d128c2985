# None-or-list errors that are not caught: the report ends like CPython's.
def pick(rows, n):
    for r in rows:
        if len(r) == n:
            return r
    return None

rows = [[1, 2], [3]]
got = pick(rows, 1)
print(sorted(got))
print(sum(pick(rows, 2)))
missing = pick(rows, 7)
print("before")
print(sorted(missing))
