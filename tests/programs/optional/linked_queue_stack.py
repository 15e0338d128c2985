# A linked queue (head and tail pointers) and a linked stack, used for BFS and bracket matching.


class Link:
    def __init__(self, item):
        self.item = item
        self.next = None


class Queue:
    def __init__(self):
        self.head = None
        self.tail = None
        self.n = 0

    def enqueue(self, item):
        link = Link(item)
        if self.tail is None:
            self.head = link
        else:
            self.tail.next = link
        self.tail = link
        self.n += 1

    def dequeue(self):
        h = self.head
        if h is None:
            return ""
        self.head = h.next
        if self.head is None:
            self.tail = None
        self.n -= 1
        return h.item

    def empty(self):
        return self.head is None


class Stack:
    def __init__(self):
        self.top = None
        self.n = 0

    def push(self, item):
        link = Link(item)
        link.next = self.top
        self.top = link
        self.n += 1

    def pop(self):
        t = self.top
        if t is None:
            return ""
        self.top = t.next
        self.n -= 1
        return t.item

    def peek(self):
        return self.top.item if self.top is not None else ""


q = Queue()
print(q.empty(), repr(q.dequeue()), q.n)
for w in ["alpha", "beta", "gamma"]:
    q.enqueue(w)
print(q.dequeue(), q.n, q.empty())
q.enqueue("delta")
while not q.empty():
    print("dequeue", q.dequeue(), q.n, q.tail is None)

graph = {"a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": ["f"], "e": ["f"], "f": []}
dist = {"a": 0}
q.enqueue("a")
order = []
while not q.empty():
    v = q.dequeue()
    order.append(v)
    for w in graph[v]:
        if w not in dist:
            dist[w] = dist[v] + 1
            q.enqueue(w)
print("bfs", order, dist)


def balanced(text):
    pairs = {")": "(", "]": "[", "}": "{"}
    st = Stack()
    for ch in text:
        if ch in "([{":
            st.push(ch)
        elif ch in pairs:
            if st.pop() != pairs[ch]:
                return False
    return st.top is None


for t in ["(a[b]{c})", "([)]", "((", "", "}{", "{[()()]}x", "(()"]:
    print(repr(t), balanced(t))
s = Stack()
for ch in "kiln":
    s.push(ch)
out = ""
while s.top is not None:
    out += s.pop()
print(out, s.n, repr(s.peek()))
