# A class attribute that subclasses set again, read through self in a base-class method.
class Node:
    pass


class BinOp(Node):
    symbol = "?"

    def __init__(self, left, right):
        self.left = left
        self.right = right

    def __str__(self):
        return "(" + str(self.left) + " " + self.symbol + " " + str(self.right) + ")"


class Num(Node):
    def __init__(self, v):
        self.v = v

    def __str__(self):
        return str(self.v)


class Add(BinOp):
    symbol = "+"


class Pow(BinOp):
    symbol = "^"


print(str(Add(Num(1), Pow(Num(2), Num(3)))))


class Sub(Add):
    pass


nodes: list[BinOp] = [Add(Num(1), Num(2)), Pow(Num(3), Num(4)), BinOp(Num(5), Num(6)), Sub(Num(7), Num(8))]
print([n.symbol for n in nodes])
print(" ".join(str(n) for n in nodes))
