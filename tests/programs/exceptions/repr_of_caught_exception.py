# repr() and !r of caught exceptions, as an error log would print them.


class QuotaError(Exception):
    pass


def risky(kind):
    if kind == "key":
        return {"a": 1}["missing"]
    if kind == "index":
        return [1, 2, 3][7]
    if kind == "value":
        return int("twelve")
    if kind == "quota":
        raise QuotaError("quota of 5 exceeded")
    return 0


log = []
for kind in ["ok", "key", "index", "value", "quota"]:
    try:
        print(kind, "->", risky(kind))
    except Exception as e:
        log.append(repr(e))
        print(kind, "failed:", repr(e), f"| {e!r} | {e}")
print(log)
try:
    raise KeyError("k")
except LookupError as e:
    print("lookup:", repr(e), str(e))
