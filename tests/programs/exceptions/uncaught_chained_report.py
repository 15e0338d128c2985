def inner(d):
    try:
        return d["x"]
    except KeyError as e:
        raise ValueError("bad config") from e


def outer():
    try:
        inner({"y": 1})
    except ValueError:
        raise RuntimeError("giving up")


outer()
