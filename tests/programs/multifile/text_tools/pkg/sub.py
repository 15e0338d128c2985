# Text layout helpers.
import pkg

print("loading module", __name__)


def wrap(text, width=0):
    if width == 0:
        width = pkg.DEFAULT_WIDTH
    lines = []
    line = ""
    for w in text.split():
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = w if not line else line + " " + w
    if line:
        lines.append(line)
    return lines


def boxed(lines):
    width = max(len(l) for l in lines)
    out = ["+" + "-" * (width + 2) + "+"]
    for l in lines:
        out.append("| " + l.ljust(width) + " |")
    out.append(out[0])
    return out
