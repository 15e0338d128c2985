# Number helpers in a package submodule; imported with `from plugins.numbers import ...`.
from registry import register

print("plugins.numbers: loading as", __name__)
FACTOR = 3


def scale(x):
    return x * FACTOR


def describe_number(n):
    if n == 0:
        return "zero"
    kind = "positive" if n > 0 else "negative"
    parity = "even" if n % 2 == 0 else "odd"
    return f"{kind} {parity}"


register("digits", lambda s: str(sum(1 for ch in s if ch.isdigit())))
