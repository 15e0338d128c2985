class AppError(Exception):
    pass


class ConfigError(AppError):
    def __init__(self, key, detail):
        super().__init__(f"{key}: {detail}")
        self.key = key


def describe(e):
    c = e.__context__
    k = e.__cause__
    print("  ", type(e).__name__, str(e), "| context:", c, "| cause:", k, "| suppress:", e.__suppress_context__)
    if c is not None:
        print("    context type", type(c).__name__, c.args)
    if k is not None:
        print("    cause type", type(k).__name__, k.args)


def lookup(d, key):
    try:
        return d[key]
    except KeyError as e:
        raise ConfigError(key, "missing") from e


def parse(d, key):
    try:
        return int(lookup(d, key))
    except ValueError:
        raise AppError("not a number: " + key)


d = {"a": "1", "b": "x"}
for key in ["a", "b", "c"]:
    try:
        print(key, parse(d, key))
    except ConfigError as e:
        print("ConfigError", e.key)
        describe(e)
    except AppError as e:
        print("AppError")
        describe(e)

# raise from None hides the context
try:
    try:
        1 // 0
    except ZeroDivisionError:
        raise ValueError("clean") from None
except ValueError as e:
    describe(e)

# a bare re-raise keeps the exception's own chain
try:
    try:
        try:
            [][1]
        except IndexError:
            raise KeyError("k")
    except KeyError:
        raise
except KeyError as e:
    describe(e)

# exceptions raised by a callee inside a handler are chained too
def fails():
    return {}["nope"]


try:
    try:
        raise RuntimeError("first")
    except RuntimeError:
        fails()
except KeyError as e:
    describe(e)

# finally runs while an exception propagates: what it raises is chained to it
try:
    try:
        raise ValueError("inner")
    finally:
        raise TypeError("from finally")
except TypeError as e:
    describe(e)

# an exception handled and left behind is not the context of a later one
try:
    try:
        raise ValueError("old")
    except ValueError:
        pass
    raise IndexError("new")
except IndexError as e:
    describe(e)

# return and break out of a handler leave it
def leave_by_return():
    try:
        raise ValueError("x")
    except ValueError:
        return 5


print(leave_by_return())
try:
    raise OverflowError("after return")
except OverflowError as e:
    describe(e)

for i in range(3):
    try:
        raise ValueError(i)
    except ValueError:
        if i == 1:
            break
        continue
try:
    raise OverflowError("after break")
except OverflowError as e:
    describe(e)

# raise e of an exception kept from earlier
saved = None
try:
    raise ValueError("kept")
except ValueError as e:
    saved = e
try:
    try:
        raise KeyError("while handling")
    except KeyError:
        raise saved
except ValueError as e:
    describe(e)

# an exception class as the cause, and an instance never raised
try:
    raise AppError("with class cause") from ValueError
except AppError as e:
    describe(e)
try:
    raise AppError("with instance cause") from ConfigError("k", "never raised")
except AppError as e:
    describe(e)

# nested handlers: the innermost handled exception is the context
try:
    try:
        raise ValueError("outer")
    except ValueError:
        try:
            raise TypeError("middle")
        except TypeError:
            pass
        raise KeyError("last")
except KeyError as e:
    describe(e)
    describe(e.__context__)

# generators that yield inside a handler
def gen():
    try:
        raise ValueError("in generator")
    except ValueError:
        yield 1
        yield 2


for v in gen():
    try:
        raise IndexError(v)
    except IndexError as e:
        describe(e)
