# Simple bank simulation with classes, exceptions, and a transaction log.
class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount:.2f}")
        self.account = account
        self.amount = amount

class Account:
    next_id = 1

    def __init__(self, owner, balance=0.0):
        self.owner = owner
        self.balance = balance
        self.id = Account.next_id
        Account.next_id += 1
        self.history = []

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("withdraw", amount))

    def __repr__(self):
        return f"Account({self.id}, {self.owner!r}, {self.balance:.2f})"

def transfer(src, dst, amount):
    src.withdraw(amount)
    dst.deposit(amount)

accounts = [Account("ann", 100.0), Account("bob"), Account("cy", 20.5)]
ops = [(0, 1, 30.0), (1, 2, 50.0), (2, 0, 10.25), (0, 2, -5.0)]
for s, d, amt in ops:
    try:
        if amt < 0:
            accounts[d].deposit(amt)
        else:
            transfer(accounts[s], accounts[d], amt)
    except InsufficientFunds as e:
        print("failed:", e, "short by", round(e.amount - e.account.balance, 2))
    except ValueError as e:
        print("rejected:", e)
for a in accounts:
    print(a, a.history)
richest = max(accounts, key=lambda a: a.balance)
print("richest:", richest.owner)
print(sum(a.balance for a in accounts))
