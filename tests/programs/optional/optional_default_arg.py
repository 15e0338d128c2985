# Parameters defaulting to None that hold objects: `def f(x=None)`, `if x is None: x = ...`.


class Style:
    def __init__(self, bold, width):
        self.bold = bold
        self.width = width

    def __repr__(self):
        return f"Style(bold={self.bold}, width={self.width})"


DEFAULT = Style(False, 10)


class Label:
    def __init__(self, text, style=None, parent=None):
        self.text = text
        if style is None:
            style = DEFAULT
        self.style = style
        self.parent = parent

    def render(self):
        t = self.text.upper() if self.style.bold else self.text
        return "[" + t.ljust(self.style.width) + "]"

    def path(self):
        names = [self.text]
        p = self.parent
        while p is not None:
            names.append(p.text)
            p = p.parent
        return "/".join(reversed(names))


def render_all(labels, override=None):
    out = []
    for lab in labels:
        if override is not None:
            saved = lab.style
            lab.style = override
            out.append(lab.render())
            lab.style = saved
        else:
            out.append(lab.render())
    return out


def make_style(base=None, bold=False):
    if base is None:
        return Style(bold, 6)
    return Style(bold or base.bold, base.width + 2)


root = Label("root")
child = Label("child", Style(True, 8), root)
leaf = Label("leaf", None, child)
other = Label("other", parent=root)
for lab in [root, child, leaf, other]:
    print(lab.render(), lab.style, lab.path(), lab.parent is None)
print(render_all([root, child, leaf]))
print(render_all([root, child, leaf], Style(True, 5)))
print(render_all([root, child, leaf], override=None))
s1 = make_style()
s2 = make_style(s1)
s3 = make_style(s2, True)
s4 = make_style(base=s3)
print(s1, s2, s3, s4)
print(leaf.style is DEFAULT, other.style is DEFAULT, child.style is DEFAULT)
DEFAULT.width = 4
print(root.render(), leaf.render(), child.render())
