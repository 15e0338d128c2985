# Multi-file program: `import mod`, `from mod import name`, `from pkg import sub`, run-once module bodies.
print("main starts, __name__ =", __name__)

import util
import shapes
from util import clamp, fmt
from pkg import sub
import pkg
import util as u2
from shapes import Circle, Rect, unit_shapes


def main():
    print("clamp:", clamp(15, 0, 10), clamp(-3, 0, 10), util.clamp(5, 0, 10))
    print("fmt:", fmt(2.0 / 3.0), util.PRECISION)
    print("bump:", util.bump(), u2.bump(), util.loads)
    print("version:", pkg.VERSION, pkg.version_tuple())
    items = [Circle(2.0), Rect(3.0, 4.5), shapes.Circle(0.5)] + unit_shapes()
    for s in items:
        print(s.describe())
    areas = [s.area() for s in items]
    print([fmt(a) for a in sub.normalise(areas)])
    for name, bar in zip([s.name for s in items], sub.histogram(areas, 20)):
        print(f"{name:>6} |{bar}")
    print(isinstance(items[0], shapes.Shape), isinstance(items[1], Circle))


if __name__ == "__main__":
    main()
print("main ends")
