# An object graph: a bank holding customers, each with several accounts, and transfers between them.


class Account:
    next_number = 1000

    def __init__(self, owner, kind, balance):
        self.owner = owner
        self.kind = kind
        self.balance = balance
        self.number = Account.next_number
        Account.next_number += 1
        self.transactions = []

    def deposit(self, amount, memo):
        self.balance += amount
        self.transactions.append((memo, amount))

    def withdraw(self, amount, memo):
        if amount > self.balance:
            self.transactions.append(("DECLINED " + memo, -amount))
            return False
        self.balance -= amount
        self.transactions.append((memo, -amount))
        return True

    def __repr__(self):
        return f"<{self.kind} #{self.number} {self.owner.name}: {self.balance}>"


class Customer:
    def __init__(self, name):
        self.name = name
        self.accounts = []

    def open(self, kind, balance):
        acct = Account(self, kind, balance)
        self.accounts.append(acct)
        return acct

    def net_worth(self):
        return sum(a.balance for a in self.accounts)


class Bank:
    def __init__(self, name):
        self.name = name
        self.customers = {}
        self.accounts = {}

    def add_customer(self, name):
        c = Customer(name)
        self.customers[name] = c
        return c

    def open_account(self, name, kind, balance):
        acct = self.customers[name].open(kind, balance)
        self.accounts[acct.number] = acct
        return acct.number

    def transfer(self, src, dst, amount):
        a = self.accounts[src]
        b = self.accounts[dst]
        if a.withdraw(amount, f"to {dst}"):
            b.deposit(amount, f"from {src}")
            return True
        return False

    def apply_interest(self, rate_percent):
        for num in sorted(self.accounts):
            acct = self.accounts[num]
            if acct.kind == "savings":
                interest = acct.balance * rate_percent // 100
                acct.deposit(interest, "interest")

    def total_deposits(self):
        return sum(a.balance for a in self.accounts.values())

    def richest(self):
        best = None
        for name in self.customers:
            c = self.customers[name]
            if best is None or c.net_worth() > best.net_worth():
                best = c
        return best


bank = Bank("First Kiln")
for n in ["alice", "bob", "carol"]:
    bank.add_customer(n)
a1 = bank.open_account("alice", "checking", 500)
a2 = bank.open_account("alice", "savings", 2000)
b1 = bank.open_account("bob", "checking", 50)
c1 = bank.open_account("carol", "savings", 10000)
c2 = bank.open_account("carol", "checking", 0)
print("accounts:", sorted(bank.accounts))
print("total:", bank.total_deposits())

print(bank.transfer(a1, b1, 200))
print(bank.transfer(b1, c2, 300))
print(bank.transfer(b1, c2, 250))
print(bank.transfer(c1, a2, 1234))
print(bank.transfer(a2, a1, 5000))
bank.apply_interest(3)

for name in bank.customers:
    c = bank.customers[name]
    print(name, c.net_worth(), c.accounts)
for num in sorted(bank.accounts):
    acct = bank.accounts[num]
    print(num, acct.owner.name, acct.kind, acct.balance, acct.transactions)
print("total:", bank.total_deposits())
r = bank.richest()
if r is not None:
    print("richest:", r.name, r.net_worth())
# the account and the customer's list share the same object
acct = bank.accounts[b1]
acct.owner.accounts[0].deposit(1, "gift")
print(bank.customers["bob"].accounts[0].balance, acct.balance)
