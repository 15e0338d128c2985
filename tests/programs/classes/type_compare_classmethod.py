# type(i) is cls in a classmethod, type(self) == type(other), a field two sibling subclasses introduce.


class Base:
    def __init__(self, n):
        self.n = n

    @classmethod
    def exact(cls, items):
        return [i.n for i in items if type(i) is cls]

    def same_kind(self, other):
        return type(self) == type(other)


class A(Base):
    def __init__(self, n):
        super().__init__(n)
        self.extra = n * 10


class B(Base):
    def __init__(self, n):
        super().__init__(n)
        self.extra = -n


items: list[Base] = [A(1), B(2), Base(3), A(4)]
print(A.exact(items), Base.exact(items), B.exact(items))
print(items[0].same_kind(items[3]), items[0].same_kind(items[1]))
for i in items:
    if isinstance(i, (A, B)):
        i.extra += 1
        print(i.n, i.extra)
print([i.extra for i in items if not type(i) is Base])
try:
    print(items[2].extra)
except AttributeError as e:
    print(e)
