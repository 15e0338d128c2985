# Fields only some subclasses have, read and written after isinstance checks.


class Node:
    def __init__(self, name):
        self.name = name


class Leaf(Node):
    def __init__(self, name, value):
        super().__init__(name)
        self.value = value

    def doubled(self):
        return self.value * 2


class Branch(Node):
    def __init__(self, name):
        super().__init__(name)
        self.children = []
        self.value = 0


class Weighted(Leaf):
    def __init__(self, name, value, weight):
        super().__init__(name, value)
        self.weight = weight


nodes: list[Node] = [Leaf("a", 3), Branch("b"), Weighted("c", 4, 10), Node("d"), Leaf("e", 7)]
for n in nodes:
    if isinstance(n, Leaf):
        n.value += 1
        if isinstance(n, Weighted):
            n.weight *= 2
            print(n.name, n.value, n.weight)
        else:
            print(n.name, n.value)
    elif isinstance(n, Branch):
        n.children.append(n.name + "!")
        n.value = len(n.children)
        print(n.name, n.children, n.value)
    else:
        print(n.name, "plain")
print([n.value for n in nodes if isinstance(n, (Leaf, Branch))])
try:
    print(nodes[3].value)
except AttributeError as e:
    print("AttributeError:", e)
for n in nodes:
    try:
        print(n.name, n.doubled())
    except AttributeError as e:
        print(n.name, "AttributeError:", e)
