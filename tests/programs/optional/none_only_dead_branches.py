# Functions called with None where a node is expected: the tests on None decide at compile
# time, and code behind a test that can never pass (x.val where x is None) is not compiled.
class Link:
    def __init__(self, val, next=None):
        self.val = val
        self.next = next


def merge(a, b):
    head = Link(0)
    tail = head
    while a is not None and b is not None:
        if a.val <= b.val:
            tail.next = a
            a = a.next
        else:
            tail.next = b
            b = b.next
        tail = tail.next
    tail.next = a if a is not None else b
    return head.next


def count(node):
    n = 0
    while node is not None and node.val >= 0:
        n += 1
        node = node.next
    return n


def describe(node):
    if node is None or node.val < 0:
        return "nothing"
    return "starts at " + str(node.val)


def last_val(node):
    if not (node is not None and node.next is not None):
        return node.val if node is not None else -1
    while node.next is not None:
        node = node.next
    return node.val


def show(node):
    out = []
    while node is not None:
        out.append(node.val)
        node = node.next
    return out


print(show(merge(None, None)), count(None), describe(None), last_val(None))
one = Link(3, Link(8))
print(show(merge(one, None)), show(merge(None, Link(4))), count(one), describe(one), last_val(one))
print(show(merge(Link(1, Link(6)), Link(2, Link(7)))), last_val(Link(-5)))
