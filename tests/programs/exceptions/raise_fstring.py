# raise RuntimeError with an f-string message from a nested call.
def inner(depth):
    if depth == 3:
        raise RuntimeError(f"too deep: {depth} levels, limit {depth - 1}")
    print("depth", depth)
    inner(depth + 1)


def outer():
    print("outer start")
    inner(0)
    print("outer end (not reached)")


outer()
