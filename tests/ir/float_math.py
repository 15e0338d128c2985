# IR snapshot: float arithmetic and a math intrinsic.
import math


def norm(x: float, y: float) -> float:
    return math.sqrt(x * x + y * y)


print(norm(3.0, 4.0))
