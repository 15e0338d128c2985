d = {"a": 1}
try:
    try:
        raise ValueError("v")
    except ValueError as e:
        raise KeyError(f"{d['missing']}") from e
except KeyError as k:
    print("outer KeyError", k, "cause:", k.__cause__, "context:", repr(k.__context__))
try:
    try:
        raise ValueError("v")
    except ValueError as e:
        raise RuntimeError("r: " + str(d["a"])) from e
except RuntimeError as r:
    print(r, "cause:", repr(r.__cause__), r.__suppress_context__)
