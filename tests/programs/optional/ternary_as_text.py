# Conditional expressions whose branches have different types, seen only as text: print
# arguments, str(), repr(), f-string fields (plain, !s, !r, and a spec after a conversion).
class Node:
    def __init__(self, key):
        self.key = key
        self.next = None

    def __repr__(self):
        return f"Node({self.key})"


def find(nodes, key):
    for n in nodes:
        if n.key == key:
            return n
    return None


calls = []


def noisy(tag, value):
    calls.append(tag)
    return value


nodes = [Node(1), Node(5), Node(9)]
nodes[0].next = nodes[1]
for k in [1, 5, 7]:
    n = find(nodes, k)
    print(k, "->", n if n is not None else "nothing", n.key if n is not None else None)
    print(str(n.key if n is not None else "-"), repr(n.key * 2 if n is not None else "none"))
    print(f"[{n.key if n is not None else 'none'}] [{n if n is not None else 0!r}]")
    print(f"{n.key if n is not None else 'none'!s:>6}|{n.next if n is not None else False!r:<10}|")
    nxt = n.next if n is not None else None
    print("next:", nxt.key if nxt is not None else "end", sep=" ")
for x in [0, 1, 2, 3]:
    print(x, "zero" if x == 0 else x * 1.5 if x == 1 else x == 2 if x < 3 else [x])
print(noisy("a", 1) if noisy("t", True) else noisy("b", "x"), calls)
print(noisy("c", 2.5) if noisy("f", False) else noisy("d", "y"), calls)
print(str(True if len(calls) > 3 else 0), repr("q" if calls else 3))
