# Optional type annotations on parameters, returns and variables.
import math


def hyp(a: float, b: float) -> float:
    return math.sqrt(a * a + b * b)


def count_bits(n: int) -> int:
    c: int = 0
    while n > 0:
        c += n & 1
        n >>= 1
    return c


def label(n: int, unit: str = "items") -> str:
    return str(n) + " " + unit


def is_close(a: float, b: float, tol: float = 1e-9) -> bool:
    d = a - b
    if d < 0:
        d = -d
    return d <= tol


def log_it(msg: str) -> None:
    print("log:", msg)


print(hyp(3.0, 4.0), hyp(1.0, 1.0), hyp(5.0, 12.0))
print(count_bits(255), count_bits(1024), count_bits(0))
print(label(3), label(1, "apple"), label(unit="km", n=42))
print(is_close(0.1 + 0.2, 0.3), is_close(1.0, 1.1), is_close(1.0, 1.05, 0.1))
log_it("annotations are accepted")
ratio: float = 0.75
steps: int = 4
names: list[str] = ["a", "b"]
print(ratio * steps, names)
