# A binary search tree: insert, search, inorder, height, min/max, counting; children are None or Node.
import random


class Node:
    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None
        self.count = 1


class BST:
    def __init__(self):
        self.root = None

    def insert(self, key):
        if self.root is None:
            self.root = Node(key)
            return
        cur = self.root
        while True:
            if key == cur.key:
                cur.count += 1
                return
            if key < cur.key:
                if cur.left is None:
                    cur.left = Node(key)
                    return
                cur = cur.left
            else:
                if cur.right is None:
                    cur.right = Node(key)
                    return
                cur = cur.right

    def search(self, key):
        cur = self.root
        while cur is not None and cur.key != key:
            cur = cur.left if key < cur.key else cur.right
        return cur

    def inorder(self):
        out = []
        inorder_into(self.root, out)
        return out

    def height(self):
        return height(self.root)

    def minimum(self):
        cur = self.root
        if cur is None:
            return None
        while cur.left is not None:
            cur = cur.left
        return cur

    def maximum(self):
        cur = self.root
        if cur is None:
            return None
        while cur.right is not None:
            cur = cur.right
        return cur


def inorder_into(node, out):
    if node is None:
        return
    inorder_into(node.left, out)
    out.append(node.key)
    inorder_into(node.right, out)


def height(node):
    if node is None:
        return 0
    return 1 + max(height(node.left), height(node.right))


def size(node):
    if node is None:
        return 0
    return 1 + size(node.left) + size(node.right)


def floor_key(node, key):
    best = None
    while node is not None:
        if node.key == key:
            return node
        if node.key < key:
            best = node
            node = node.right
        else:
            node = node.left
    return best


t = BST()
print(t.inorder(), t.height(), t.minimum() is None, t.search(5) is None)
for k in [50, 30, 70, 20, 40, 60, 80, 30, 65, 20, 20]:
    t.insert(k)
print(t.inorder(), "height", t.height(), "size", size(t.root))
for k in [20, 65, 55, 80, 10]:
    n = t.search(k)
    if n is not None:
        print("found", k, "count", n.count)
    else:
        print("missing", k)
lo = t.minimum()
hi = t.maximum()
if lo is not None and hi is not None:
    print("min", lo.key, "max", hi.key)
for k in [10, 20, 45, 69, 99]:
    f = floor_key(t.root, k)
    print("floor", k, "->", f.key if f is not None else "none")

chain = BST()
for k in range(10):
    chain.insert(k)
print("degenerate height", chain.height(), chain.inorder())

random.seed(2024)
r = BST()
keys = [random.randint(0, 999) for _ in range(300)]
for k in keys:
    r.insert(k)
out = r.inorder()
print(len(out), len(set(keys)), out == sorted(set(keys)), "height", r.height())
print(out[:10], out[-5:])
dup = [k for k in set(keys) if keys.count(k) > 1]
total = 0
for k in sorted(dup):
    n = r.search(k)
    if n is not None:
        total += n.count
print("duplicates", len(dup), "their count", total)
