# A sequence-like class with __getitem__ (negative indices), __len__, __contains__, __eq__, __add__.


class Deck:
    SUITS = "SHDC"
    RANKS = ["A", "2", "3", "4", "5", "6", "7", "8", "9", "T", "J", "Q", "K"]

    def __init__(self, cards):
        self.cards = cards

    @classmethod
    def full(cls):
        return cls([r + s for s in cls.SUITS for r in cls.RANKS])

    def __len__(self):
        return len(self.cards)

    def __getitem__(self, i):
        if i < 0:
            i += len(self.cards)
        return self.cards[i]

    def __contains__(self, card):
        return card in self.cards

    def __eq__(self, other):
        return self.cards == other.cards

    def __add__(self, other):
        return Deck(self.cards + other.cards)

    def deal(self, n):
        hand = Deck(self.cards[:n])
        self.cards = self.cards[n:]
        return hand

    def riffle(self):
        half = len(self.cards) // 2
        left = self.cards[:half]
        right = self.cards[half:]
        out = []
        for i in range(max(len(left), len(right))):
            if i < len(right):
                out.append(right[i])
            if i < len(left):
                out.append(left[i])
        self.cards = out

    def __repr__(self):
        return "Deck[" + " ".join(self.cards) + "]"


d = Deck.full()
print(len(d), d[0], d[12], d[-1], d[-13], "QH" in d, "ZZ" in d)
h1 = d.deal(5)
h2 = d.deal(5)
print(h1, h2, len(d))
print("AS" in h1, "AS" in d, h1[-1], h2[2])
both = h1 + h2
print(len(both), both[4], both[5], both == h1 + h2, both == h2 + h1)
d2 = Deck.full()
original = Deck(list(d2.cards))
count = 0
while True:
    d2.riffle()
    count += 1
    if d2 == original or count > 100:
        break
print("riffles to restore:", count)
d3 = Deck.full()
d3.riffle()
print(d3.deal(8), d3[0], d3[-2])
i = 0
spades = 0
while i < len(d3):
    if d3[i][1] == "S":
        spades += 1
    i += 1
print("spades left", spades)
d4 = Deck.full()
for r in range(4):
    hand = d4.deal(6)
    print("hand", r, hand, len(hand), hand[0], hand[-1], "AS" in hand, len(d4))
