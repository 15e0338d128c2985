# A parallel loop in a function: the loop variable and `t` are private, `total` is a `+=`
# reduction, `out[i]` a distinct-element write; the chunk size is computed at run time.
def squares(n: int, chunk: int) -> int:
    out = [0] * n
    total = 0
    @par(schedule="dynamic", chunk_size=chunk)
    for i in range(n):
        t = i * i
        out[i] = t
        total += t
    return total + out[n - 1]


print(squares(10, 3))
