# Fields that start as None and get an object later: lazy caches, late binding, optional links.


class Summary:
    def __init__(self, total, count):
        self.total = total
        self.count = count

    def mean(self):
        return self.total / self.count if self.count else 0.0


class Series:
    def __init__(self, name):
        self.name = name
        self.values = []
        self.cache = None
        self.computed = 0

    def add(self, v):
        self.values.append(v)
        self.cache = None  # invalidate

    def summary(self):
        if self.cache is None:
            self.computed += 1
            self.cache = Summary(sum(self.values), len(self.values))
        return self.cache


class Player:
    def __init__(self, name):
        self.name = name
        self.partner = None
        self.team = None

    def pair_with(self, other):
        self.partner = other
        other.partner = self

    def partner_name(self):
        if self.partner is None:
            return "-"
        return self.partner.name


class Team:
    def __init__(self, name):
        self.name = name
        self.captain = None
        self.players = []

    def join(self, p):
        self.players.append(p)
        p.team = self
        if self.captain is None:
            self.captain = p


s = Series("temps")
print(s.summary().mean(), s.computed)
for v in [12, 15, 11, 20]:
    s.add(v)
a = s.summary()
b = s.summary()
print(a.total, a.count, a.mean(), a is b, s.computed)
s.add(30)
c = s.summary()
print(c.total, c.count, c.mean(), c is a, s.computed)
print(s.summary().mean(), s.computed)

names = ["ann", "bob", "cat", "dan", "eve"]
players = [Player(n) for n in names]
players[0].pair_with(players[3])
players[1].pair_with(players[2])
for p in players:
    print(p.name, "partner:", p.partner_name(), "team:", p.team.name if p.team is not None else "-")
red = Team("red")
blue = Team("blue")
print(red.captain is None, blue.captain is None)
for i, p in enumerate(players):
    (red if i % 2 == 0 else blue).join(p)
for t in [red, blue]:
    cap = t.captain
    print(t.name, [p.name for p in t.players], "captain", cap.name if cap is not None else "-")
for p in players:
    t = p.team
    partner = p.partner
    same = t is not None and partner is not None and partner.team is t
    print(p.name, t.name if t is not None else "-", same)
players[3].partner = None
print(players[0].partner_name(), players[3].partner_name())
blue.captain = None
print(blue.captain is None, red.captain is players[0])
