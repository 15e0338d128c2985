# Ends with an uncaught user exception (a subclass of a user base class): exit status 1.


class BankError(Exception):
    pass


class InsufficientFunds(BankError):
    def __init__(self, needed, available):
        super().__init__(f"need {needed}, only {available} available")
        self.needed = needed
        self.available = available


class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(amount, self.balance)
        self.balance -= amount
        return self.balance


acct = Account("ann", 100)
for amount in [10, 20, 30]:
    print("withdrew", amount, "left", acct.withdraw(amount))
try:
    acct.withdraw(1000)
except InsufficientFunds as e:
    print("handled:", e, e.needed - e.available)
print("now withdrawing too much without a handler")
acct.withdraw(41)
print("not reached")
