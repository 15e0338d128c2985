# BST deletion (leaf, one child, two children via successor), written recursively on None-or-Node.


class Node:
    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None


def insert(node, key):
    if node is None:
        return Node(key)
    if key < node.key:
        node.left = insert(node.left, key)
    elif key > node.key:
        node.right = insert(node.right, key)
    return node


def min_node(node):
    while node.left is not None:
        node = node.left
    return node


def delete(node, key):
    if node is None:
        return None
    if key < node.key:
        node.left = delete(node.left, key)
    elif key > node.key:
        node.right = delete(node.right, key)
    else:
        if node.left is None:
            return node.right
        if node.right is None:
            return node.left
        succ = min_node(node.right)
        node.key = succ.key
        node.right = delete(node.right, succ.key)
    return node


def inorder_into(node, out):
    if node is not None:
        inorder_into(node.left, out)
        out.append(node.key)
        inorder_into(node.right, out)


def inorder(node):
    out: list[int] = []
    inorder_into(node, out)
    return out


def preorder(node):
    if node is None:
        return "-"
    if node.left is None and node.right is None:
        return str(node.key)
    return f"{node.key}({preorder(node.left)},{preorder(node.right)})"


def is_bst(node, lo, hi):
    if node is None:
        return True
    if not (lo < node.key < hi):
        return False
    return is_bst(node.left, lo, node.key) and is_bst(node.right, node.key, hi)


root = None
for k in [8, 3, 10, 1, 6, 14, 4, 7, 13]:
    root = insert(root, k)
print(preorder(root))
print(inorder(root))
for k in [1, 14, 6, 8, 99, 3]:
    root = delete(root, k)
    print("delete", k, "->", preorder(root), is_bst(root, -1000, 1000))
for k in [5, 11, 2]:
    root = insert(root, k)
print(preorder(root), inorder(root))
while root is not None:
    print("delete root", root.key)
    root = delete(root, root.key)
print(preorder(root), inorder(root))

keys = [(i * 37) % 101 for i in range(40)]
for k in keys:
    root = insert(root, k)
print(len(inorder(root)), is_bst(root, -1, 1000))
for k in keys[::3]:
    root = delete(root, k)
remaining = inorder(root)
print(len(remaining), remaining[:15], is_bst(root, -1, 1000))
