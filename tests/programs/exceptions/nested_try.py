# Nested try statements: inner handlers that do not match, handlers that raise, finally ordering.

trace = []


def step(kind):
    if kind == "value":
        raise ValueError("v")
    if kind == "key":
        raise KeyError("k")
    if kind == "zero":
        return 1 // 0
    return 0


def nested(kind):
    trace.clear()
    try:
        trace.append("outer try")
        try:
            trace.append("inner try")
            step(kind)
            trace.append("inner done")
        except ValueError:
            trace.append("inner caught ValueError")
        finally:
            trace.append("inner finally")
        trace.append("after inner")
    except KeyError as e:
        trace.append("outer caught KeyError " + str(e))
    except ZeroDivisionError:
        trace.append("outer caught ZeroDivisionError")
    finally:
        trace.append("outer finally")
    return list(trace)


for k in ["none", "value", "key", "zero"]:
    print(k, nested(k))


def handler_raises(x):
    try:
        try:
            return "quotient " + str(10 // x)
        except ZeroDivisionError:
            raise ValueError("converted from zero division")
    except ValueError as e:
        return "outer got: " + str(e)


print(handler_raises(2), "|", handler_raises(0))


def triple(a, b, c):
    out = []
    try:
        out.append("L1")
        try:
            out.append("L2")
            try:
                out.append("L3")
                out.append(str(a // b))
                out.append(str(int(c)))
            except ZeroDivisionError:
                out.append("L3 zero")
                raise
            finally:
                out.append("F3")
        except ValueError:
            out.append("L2 value")
        finally:
            out.append("F2")
    except ZeroDivisionError:
        out.append("L1 zero")
    finally:
        out.append("F1")
    return out


print(triple(6, 3, "4"))
print(triple(6, 0, "4"))
print(triple(6, 3, "four"))

# try inside except inside try
result = []
try:
    int("bad")
except ValueError:
    try:
        result.append([1][2])
    except IndexError as e:
        result.append(-1)
        print("inner handler in handler:", e)
print(result)
