# Operations on a value that may be None raise CPython's TypeError / AttributeError when it is
# None; a test that narrowed it is forgotten after the variable is assigned again (also in a
# loop, a try body, and in a while loop's else).
d = {"a": 1}
s = {"a": "x"}


def attempt(label, k):
    v = d.get(k)
    t = s.get(k)
    try:
        if label == "add":
            print(v + 1)
        elif label == "radd":
            print(1 + v)
        elif label == "both":
            print(v + v)
        elif label == "pow":
            print(v ** 2)
        elif label == "lt":
            print(v < 2)
        elif label == "gt":
            print(3 > v)
        elif label == "neg":
            print(-v)
        elif label == "sadd":
            print("a" + t)
        elif label == "sadd2":
            print(t + "a")
        elif label == "meth":
            print(t.upper())
        elif label == "idx":
            print(t[0])
        elif label == "iadd":
            v += 5
            print(v)
        elif label == "ipow":
            v **= 2
            print(v)
        elif label == "in":
            print(v in [1, 2], t in "xyz")
        elif label == "in2":
            print("x" in t)
        elif label == "floordiv":
            print(v // 2, 7 % v)
        elif label == "format":
            print(f"{v:3}")
    except TypeError as e:
        print("TypeError", e)
    except AttributeError as e:
        print("AttributeError", e)


for label in ["add", "radd", "both", "pow", "lt", "gt", "neg", "sadd", "sadd2", "meth", "idx", "iadd", "ipow",
              "in", "in2", "floordiv", "format"]:
    attempt(label, "a")
    attempt(label, "b")


def reassigned_in_loop():
    v = d.get("a")
    if v is not None:
        for i in range(3):
            try:
                print(v + 1)
            except TypeError as e:
                print("loop", e)
            v = d.get("zz")


def reassigned_in_try():
    v = d.get("a")
    if v is not None:
        try:
            v = d.get("zz")
            raise ValueError("x")
        except ValueError:
            try:
                print(v + 1)
            except TypeError as e:
                print("try", e)


def while_else():
    v = d.get("a")
    while v is not None:
        print("in", v)
        v = d.get("zz")
    else:
        print("else", v)


reassigned_in_loop()
reassigned_in_try()
while_else()
v = d.get("a")


def clobber():
    global v
    v = None


if v is not None:
    clobber()
    try:
        print(v + 1)
    except TypeError as e:
        print("global", e)
