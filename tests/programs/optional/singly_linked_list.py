# A singly linked list: Node.next is None or a Node; traversal with `while node is not None`.


class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next


class LinkedList:
    def __init__(self):
        self.head = None
        self.size = 0

    def push_front(self, value):
        self.head = Node(value, self.head)
        self.size += 1

    def append(self, value):
        node = Node(value)
        if self.head is None:
            self.head = node
        else:
            cur = self.head
            while cur.next is not None:
                cur = cur.next
            cur.next = node
        self.size += 1

    def find(self, value):
        cur = self.head
        while cur is not None:
            if cur.value == value:
                return cur
            cur = cur.next
        return None

    def remove(self, value):
        prev = None
        cur = self.head
        while cur is not None:
            if cur.value == value:
                if prev is None:
                    self.head = cur.next
                else:
                    prev.next = cur.next
                self.size -= 1
                return True
            prev = cur
            cur = cur.next
        return False

    def reverse(self):
        prev = None
        cur = self.head
        while cur is not None:
            nxt = cur.next
            cur.next = prev
            prev = cur
            cur = nxt
        self.head = prev

    def to_list(self):
        out = []
        node = self.head
        while node is not None:
            out.append(node.value)
            node = node.next
        return out

    def __len__(self):
        return self.size

    def nth(self, n):
        node = self.head
        while node is not None and n > 0:
            node = node.next
            n -= 1
        return node


ll = LinkedList()
print(ll.to_list(), len(ll), ll.head is None)
for v in [3, 1, 4]:
    ll.append(v)
for v in [9, 2]:
    ll.push_front(v)
print(ll.to_list(), len(ll))
n = ll.find(4)
print(n is not None, n.value if n is not None else -1)
missing = ll.find(42)
print(missing is None)
print(ll.remove(9), ll.remove(4), ll.remove(100), ll.to_list(), len(ll))
ll.reverse()
print("reversed", ll.to_list())
for i in range(5):
    node = ll.nth(i)
    if node is None:
        print(i, "past the end")
    else:
        print(i, node.value)
while ll.head is not None:
    print("popping", ll.head.value)
    ll.head = ll.head.next
    ll.size -= 1
print(ll.to_list(), len(ll))
ll.reverse()
print(ll.to_list())
for v in range(10):
    if v % 3 != 0:
        ll.append(v * v)
found = ll.find(49)
if found is not None:
    found.value = -49
    if found.next is not None:
        found.next.value += 1000
print(ll.to_list())
