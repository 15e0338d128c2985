# Classes whose __iter__ is a generator method: a linked list, a binary tree and a container of objects.


class Node:
    def __init__(self, value, nxt):
        self.value = value
        self.nxt = nxt


class LinkedList:
    def __init__(self):
        self.head = None
        self.size = 0

    def push(self, value):
        self.head = Node(value, self.head)
        self.size += 1

    def __iter__(self):
        node = self.head
        while node is not None:
            yield node.value
            node = node.nxt

    def pairs(self):
        prev = None
        node = self.head
        while node is not None:
            if prev is not None:
                yield (prev.value, node.value)
            prev = node
            node = node.nxt


ll = LinkedList()
for v in [3, 1, 4, 1, 5, 9]:
    ll.push(v)
print(list(ll), ll.size, sum(ll), max(ll))
print(list(ll.pairs()))
for v in ll:
    if v == 1:
        print("found a one")
        break


class Tree:
    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None

    def insert(self, key):
        if key < self.key:
            if self.left is None:
                self.left = Tree(key)
            else:
                self.left.insert(key)
        else:
            if self.right is None:
                self.right = Tree(key)
            else:
                self.right.insert(key)

    def __iter__(self):
        if self.left is not None:
            yield from self.left
        yield self.key
        if self.right is not None:
            yield from self.right


root = Tree(50)
for k in [30, 70, 20, 40, 60, 80, 35, 65]:
    root.insert(k)
print(list(root))
print([k for k in root if k % 20 == 0])


class Student:
    def __init__(self, name, score):
        self.name = name
        self.score = score


class Roster:
    def __init__(self, students):
        self.students = students

    def __iter__(self):
        for s in self.students:
            yield s

    def passing(self, cutoff):
        for s in self.students:
            if s.score >= cutoff:
                yield s.name


r = Roster([Student("ann", 88), Student("bob", 52), Student("cy", 71), Student("di", 95)])
for s in r:
    print(s.name, s.score)
print(list(r.passing(70)), list(r.passing(90)), list(r.passing(100)))
print(sorted(s.name for s in r), max(s.score for s in r))
