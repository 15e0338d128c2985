# Functions and methods returning an object or None; callers test the result before use.


class Book:
    def __init__(self, isbn, title, year, author):
        self.isbn = isbn
        self.title = title
        self.year = year
        self.author = author
        self.borrower = None

    def __repr__(self):
        return f"Book({self.title!r}, {self.year})"


class Member:
    def __init__(self, name):
        self.name = name
        self.books = []


class Library:
    def __init__(self):
        self.books = []
        self.members = []

    def add(self, book):
        self.books.append(book)

    def by_isbn(self, isbn):
        for b in self.books:
            if b.isbn == isbn:
                return b
        return None

    def oldest_by(self, author):
        best = None
        for b in self.books:
            if b.author == author and (best is None or b.year < best.year):
                best = b
        return best

    def member(self, name):
        for m in self.members:
            if m.name == name:
                return m
        return None

    def lend(self, isbn, name):
        b = self.by_isbn(isbn)
        if b is None:
            return f"no book {isbn}"
        if b.borrower is not None:
            return f"{b.title} already lent to {b.borrower.name}"
        m = self.member(name)
        if m is None:
            m = Member(name)
            self.members.append(m)
        b.borrower = m
        m.books.append(b)
        return f"{b.title} -> {m.name}"

    def give_back(self, isbn):
        b = self.by_isbn(isbn)
        if b is None or b.borrower is None:
            return "nothing to return"
        m = b.borrower
        m.books.remove(b)
        b.borrower = None
        return f"{m.name} returned {b.title}"


def first_match(books, word):
    for b in books:
        if word in b.title.lower():
            return b
    return None


lib = Library()
lib.add(Book(1, "Dune", 1965, "Herbert"))
lib.add(Book(2, "Children of Dune", 1976, "Herbert"))
lib.add(Book(3, "Neuromancer", 1984, "Gibson"))
lib.add(Book(4, "Count Zero", 1986, "Gibson"))
lib.add(Book(5, "Dune Messiah", 1969, "Herbert"))

for a in ["Herbert", "Gibson", "Tolkien"]:
    b = lib.oldest_by(a)
    print(a, "->", b if b is not None else "nothing")
for w in ["dune", "zero", "ring", "mess"]:
    m = first_match(lib.books, w)
    print(repr(w), m.title if m is not None else None)
print(lib.lend(1, "ann"))
print(lib.lend(1, "bob"))
print(lib.lend(3, "bob"))
print(lib.lend(5, "ann"))
print(lib.lend(9, "ann"))
for name in ["ann", "bob", "cy"]:
    mem = lib.member(name)
    if mem is None:
        print(name, "is not a member")
    else:
        print(name, "has", mem.books)
print(lib.give_back(1))
print(lib.give_back(1))
print(lib.give_back(42))
print(lib.lend(1, "bob"))
for b in lib.books:
    who = b.borrower
    print(b.isbn, b.title, "with", who.name if who is not None else "-")
