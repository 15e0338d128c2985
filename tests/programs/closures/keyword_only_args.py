# Keyword-only parameters (after a bare `*`), defaults, and calls passing arguments by keyword.


def format_number(value, *, width=8, precision=2, sign=False):
    spec = ("+" if sign else "") + str(width) + "." + str(precision) + "f"
    return "[" + format(value, spec) + "]"


def connect(host, port=80, *, timeout=30, retries=3, secure=False):
    scheme = "https" if secure else "http"
    return f"{scheme}://{host}:{port} timeout={timeout} retries={retries}"


def between(x, *, low, high):
    return low <= x <= high


def make_range(start, stop, step=1):
    return list(range(start, stop, step))


print(format_number(3.14159))
print(format_number(3.14159, precision=4))
print(format_number(-2.5, width=10, sign=True))
print(format_number(2.5, sign=True, precision=0, width=3))
print(connect("example.com"))
print(connect("example.com", 8080))
print(connect("example.com", secure=True, port=443))
print(connect("localhost", timeout=5))
print(connect(port=22, host="server", retries=0))
print(between(5, low=1, high=10), between(5, high=4, low=0), between(0, low=0, high=0))
print(make_range(0, 10), make_range(stop=5, start=1), make_range(10, 0, step=-3))
print(make_range(step=2, start=3, stop=12))
xs = [format_number(v, width=6, precision=1) for v in [0.05, 1.25, 99.95, -0.25]]
print(" ".join(xs))
