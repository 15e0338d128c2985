# Account class; imports the shared errors module.
from errors import InsufficientFunds

print("loading module", __name__)

_next_id = 1


def new_id():
    global _next_id
    i = _next_id
    _next_id += 1
    return i


class Account:
    def __init__(self, owner, balance):
        self.id = new_id()
        self.owner = owner
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(self.id, amount - self.balance)
        self.balance -= amount

    def deposit(self, amount):
        self.balance += amount

    def __repr__(self):
        return f"Account({self.id}, {self.owner!r}, {self.balance})"
