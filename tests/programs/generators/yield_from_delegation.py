# `yield from` delegating to sub-generators: flattening, recursive tree traversal, chaining.


class Node:
    def __init__(self, key, left=None, right=None):
        self.key = key
        self.left = left
        self.right = right


def inorder(node):
    if node is not None:
        yield from inorder(node.left)
        yield node.key
        yield from inorder(node.right)


def preorder(node):
    if node is None:
        return
    yield node.key
    yield from preorder(node.left)
    yield from preorder(node.right)


def flatten(nested):
    for item in nested:
        yield from item


def chain(a, b):
    yield from a
    yield from b


def countdown(n):
    yield from range(n, 0, -1)


tree = Node(8, Node(3, Node(1), Node(6, Node(4), Node(7))), Node(10, None, Node(14, Node(13))))
print(list(inorder(tree)))
print(list(preorder(tree)))
print(sum(inorder(tree)), max(preorder(tree)), list(inorder(None)))
print(list(flatten([[1, 2], [], [3], [4, 5, 6]])))
print(list(chain(countdown(3), countdown(2))))
print(list(chain(inorder(tree.left), preorder(tree.right))))


def depth_first(graph, start):
    seen = set()

    def visit(v):
        if v in seen:
            return
        seen.add(v)
        yield v
        for w in graph[v]:
            yield from visit(w)

    yield from visit(start)


graph = {"a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": ["a"], "e": []}
print(list(depth_first(graph, "a")), list(depth_first(graph, "c")))


def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            yield [items[i]] + p


for p in permutations([1, 2, 3]):
    print(p)
print(sum(1 for _ in permutations(list(range(6)))))
