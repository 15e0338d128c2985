# A doubly linked list with prev/next links, sentinel-free head/tail handling, both-way traversal.


class DNode:
    def __init__(self, key):
        self.key = key
        self.prev = None
        self.next = None


class DList:
    def __init__(self):
        self.head = None
        self.tail = None
        self.count = 0

    def append(self, key):
        node = DNode(key)
        if self.tail is None:
            self.head = node
            self.tail = node
        else:
            node.prev = self.tail
            self.tail.next = node
            self.tail = node
        self.count += 1
        return node

    def prepend(self, key):
        node = DNode(key)
        if self.head is None:
            self.head = node
            self.tail = node
        else:
            node.next = self.head
            self.head.prev = node
            self.head = node
        self.count += 1
        return node

    def insert_after(self, node, key):
        new = DNode(key)
        new.prev = node
        new.next = node.next
        if node.next is not None:
            node.next.prev = new
        else:
            self.tail = new
        node.next = new
        self.count += 1
        return new

    def unlink(self, node):
        if node.prev is not None:
            node.prev.next = node.next
        else:
            self.head = node.next
        if node.next is not None:
            node.next.prev = node.prev
        else:
            self.tail = node.prev
        node.prev = None
        node.next = None
        self.count -= 1

    def forward(self):
        out = []
        n = self.head
        while n is not None:
            out.append(n.key)
            n = n.next
        return out

    def backward(self):
        out = []
        n = self.tail
        while n is not None:
            out.append(n.key)
            n = n.prev
        return out

    def check(self):
        return self.forward() == self.backward()[::-1] and len(self.forward()) == self.count


d = DList()
print(d.forward(), d.backward(), d.check())
a = d.append("a")
b = d.append("b")
c = d.append("c")
z = d.prepend("z")
print(d.forward(), d.backward(), d.check())
d.insert_after(a, "a2")
d.insert_after(c, "end")
print(d.forward(), d.tail.key if d.tail is not None else "-")
d.unlink(z)
print(d.forward(), d.head.key if d.head is not None else "-", d.check())
d.unlink(c)
print(d.forward(), d.backward(), d.count)
last = d.tail
if last is not None:
    d.unlink(last)
print(d.forward(), d.check())
while d.head is not None:
    print("removing", d.head.key, "count", d.count)
    d.unlink(d.head)
print(d.forward(), d.head is None, d.tail is None, d.check())

# an LRU-style move-to-front using the list
order = DList()
nodes = {}
for k in ["p", "q", "r", "s"]:
    nodes[k] = order.append(k)
for k in ["r", "p", "r", "s", "q"]:
    node = nodes[k]
    order.unlink(node)
    nodes[k] = order.prepend(k)
    print("touch", k, order.forward())
print(order.backward(), order.check())
