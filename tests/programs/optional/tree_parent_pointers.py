# A general tree with parent pointers (None at the root): depth, path to root, lowest common ancestor.


class TreeNode:
    def __init__(self, name, parent=None):
        self.name = name
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)

    def depth(self):
        d = 0
        p = self.parent
        while p is not None:
            d += 1
            p = p.parent
        return d

    def path(self):
        parts = []
        node = self
        while node is not None:
            parts.append(node.name)
            node = node.parent
        parts.reverse()
        return "/".join(parts)

    def root(self):
        node = self
        while node.parent is not None:
            node = node.parent
        return node

    def find(self, name):
        if self.name == name:
            return self
        for c in self.children:
            r = c.find(name)
            if r is not None:
                return r
        return None


def lca(a, b):
    da = a.depth()
    db = b.depth()
    x = a
    y = b
    while da > db and x is not None:
        x = x.parent
        da -= 1
    while db > da and y is not None:
        y = y.parent
        db -= 1
    while x is not None and y is not None and x is not y:
        x = x.parent
        y = y.parent
    return x


def show(node, indent):
    print("  " * indent + node.name + f" (depth {node.depth()}, {len(node.children)} children)")
    for c in node.children:
        show(c, indent + 1)


root = TreeNode("usr")
local = TreeNode("local", root)
share = TreeNode("share", root)
binn = TreeNode("bin", local)
lib = TreeNode("lib", local)
py = TreeNode("python3", lib)
TreeNode("site-packages", py)
TreeNode("doc", share)
man = TreeNode("man", share)
TreeNode("man1", man)
show(root, 0)
for name in ["site-packages", "man1", "bin", "usr", "nope"]:
    n = root.find(name)
    if n is None:
        print(name, "not found")
    else:
        print(name, "->", n.path(), "root", n.root().name)
pairs = [("site-packages", "bin"), ("man1", "doc"), ("python3", "site-packages"), ("man1", "site-packages"), ("usr", "man")]
for a, b in pairs:
    na = root.find(a)
    nb = root.find(b)
    if na is not None and nb is not None:
        c = lca(na, nb)
        print("lca", a, b, "=", c.name if c is not None else "-")
other = TreeNode("etc")
print(lca(other, binn) is None, other.parent is None, other.root() is other)
# re-parent a subtree
lib.parent = share
local.children.remove(lib)
share.children.append(lib)
show(root, 0)
sp = root.find("site-packages")
if sp is not None:
    print(sp.path(), sp.depth())
