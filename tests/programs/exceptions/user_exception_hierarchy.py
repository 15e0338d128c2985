# User exception classes: a hierarchy with fields set in __init__ and super().__init__(message).


class BankError(Exception):
    pass


class InsufficientFunds(BankError):
    def __init__(self, account, needed, available):
        super().__init__(f"account {account}: need {needed}, have {available}")
        self.account = account
        self.needed = needed
        self.available = available

    def shortfall(self):
        return self.needed - self.available


class AccountFrozen(BankError):
    def __init__(self, account):
        super().__init__("account " + account + " is frozen")
        self.account = account


class UnknownAccount(BankError):
    def __init__(self, name):
        super().__init__(name)
        self.name = name


class Bank:
    def __init__(self):
        self.balances = {"alice": 100, "bob": 20, "carol": 500}
        self.frozen = ["carol"]

    def withdraw(self, name, amount):
        if name not in self.balances:
            raise UnknownAccount(name)
        if name in self.frozen:
            raise AccountFrozen(name)
        have = self.balances[name]
        if amount > have:
            raise InsufficientFunds(name, amount, have)
        self.balances[name] = have - amount
        return self.balances[name]


bank = Bank()
requests = [("alice", 30), ("bob", 50), ("carol", 10), ("dave", 5), ("alice", 70), ("alice", 1)]
for name, amount in requests:
    try:
        left = bank.withdraw(name, amount)
        print(f"{name} withdrew {amount}, left {left}")
    except InsufficientFunds as e:
        print("insufficient:", e, "| shortfall", e.shortfall(), "| fields", e.account, e.needed, e.available)
    except AccountFrozen as e:
        print("frozen:", e, "| account field", e.account, "| args", e.args)
    except BankError as e:
        print("bank error:", type(e).__name__, e, e.args)

e1 = InsufficientFunds("x", 10, 3)
print(isinstance(e1, BankError), isinstance(e1, Exception), isinstance(e1, AccountFrozen))
print(str(e1), e1.args, len(e1.args))
e2 = UnknownAccount("zed")
print(isinstance(e2, KeyError), isinstance(e2, BankError), e2.name, e2.args)

try:
    bank.withdraw("nobody", 1)
except Exception as e:
    print("caught as Exception:", type(e).__name__, e)

try:
    raise BankError("generic failure")
except BankError as e:
    print("base:", e, e.args)

try:
    raise BankError()
except BankError as e:
    print("no args:", repr(str(e)), e.args)

failures = []
for name, amount in requests * 2:
    try:
        bank.withdraw(name, amount)
    except BankError as e:
        failures.append(type(e).__name__)
print(failures)
print(bank.balances)
