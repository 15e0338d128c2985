# A submodule of the package, importing a sibling top-level module.
from util import clamp

print("loading module", __name__)


def normalise(values):
    top = max(values)
    return [clamp(v / top, 0.0, 1.0) for v in values]


def histogram(values, width):
    out = []
    for v in normalise(values):
        out.append("#" * int(round(v * width)))
    return out
