# Built-in exception classes of files, input and parsing: caught by their own class, by a base
# class (OSError, Exception), raised by name, and one that `except Exception` does not catch.
import sys


def read_config(path):
    try:
        with open(path) as f:
            return f.read()
    except FileNotFoundError as e:
        print("missing:", e)
    except OSError as e:
        print("os error:", e)
    return ""


read_config("/nonexistent/dir/config.txt")
try:
    open("/nonexistent/x.txt")
except OSError as e:
    print("as OSError:", type(e).__name__, e)
try:
    open("/nonexistent/y.txt")
except IOError as e:
    print("as IOError:", e)
try:
    open("/")
except IsADirectoryError as e:
    print("directory:", e)
try:
    raise SyntaxError("unexpected token")
except SyntaxError as e:
    print("syntax:", e)
try:
    raise PermissionError("no access")
except OSError as e:
    print("permission as OSError:", e)
try:
    line = input()
except EOFError as e:
    print("eof:", e)
try:
    raise FileNotFoundError("made")
except Exception as e:
    print(type(e).__name__, isinstance(e, OSError), isinstance(e, EOFError), e)
try:
    try:
        raise KeyboardInterrupt("stop")
    except Exception:
        print("not here")
except KeyboardInterrupt as e:
    print("interrupted:", e)
print("done", file=sys.stderr)
