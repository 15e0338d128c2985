import random


class Account:
    next_id = 1

    def __init__(self, owner, balance=0):
        self.id = Account.next_id
        Account.next_id += 1
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError(f"invalid amount: {amount}")
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        if amount > self.balance:
            raise RuntimeError(f"insufficient funds in {self.id}")
        self.balance -= amount
        self.history.append(("withdraw", amount))

    def __str__(self):
        return f"#{self.id} {self.owner}: {self.balance}"


random.seed(7)
accounts = {name: Account(name, random.randint(0, 100)) for name in ["ann", "bob", "cy"]}
log = []
for step in range(10):
    name = random.choice(list(accounts))
    amount = random.randint(-20, 80)
    acct = accounts[name]
    try:
        if random.random() < 0.5:
            acct.deposit(amount)
        else:
            acct.withdraw(amount)
    except (ValueError, RuntimeError) as e:
        log.append(f"step {step}: {type(e).__name__}: {e}")
for a in sorted(accounts.values(), key=lambda a: -a.balance):
    print(a, len(a.history))
print("\n".join(log))
totals = {k: sum(x for kind, x in v.history if kind == "deposit") for k, v in accounts.items()}
print(totals)
best = max(accounts.values(), key=lambda a: a.balance)
print(best.owner, *[h[1] for h in best.history])
