# sum() of instances: the int start goes through __radd__, then __add__; an object start.


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        return Money(self.cents + other.cents)

    def __radd__(self, other):
        return Money(other + self.cents)

    def __repr__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"


wallet = [Money(150), Money(275), Money(5)]
print(sum(wallet))
print(sum(wallet, Money(1000)))
print(sum([Money(1)]), sum(wallet[1:]))
print(sum(m for m in wallet if m.cents > 100))
empty: list[Money] = []
print(sum(empty, Money(42)))
print(sum(wallet, 100))
total: Money = sum(wallet)
print(total.cents, sum(wallet).cents)
