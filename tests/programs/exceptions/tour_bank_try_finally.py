class BankError(Exception):
    pass


class InsufficientFunds(BankError):
    def __init__(self, needed, available):
        super().__init__(f"need {needed}, have {available}")
        self.needed = needed
        self.available = available


class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance

    def withdraw(self, amount):
        if amount <= 0:
            raise ValueError("amount must be positive")
        if amount > self.balance:
            raise InsufficientFunds(amount, self.balance)
        self.balance -= amount
        return self.balance


def safe_div(a, b):
    try:
        return a // b
    except ZeroDivisionError as e:
        print("caught:", e)
        return 0
    finally:
        print("finally", a, b)


acct = Account("ann", 100)
for amt in [30, -5, 200, 50, 40]:
    try:
        left = acct.withdraw(amt)
    except InsufficientFunds as e:
        print("insufficient:", e, e.needed, e.available)
    except (ValueError, KeyError) as e:
        print("bad:", e)
    else:
        print("ok, left", left)
print(safe_div(7, 2), safe_div(1, 0))
xs = [1, 2, 3]
try:
    print(xs[10])
except IndexError as e:
    print("index:", e)
d = {"a": 1}
try:
    print(d["zz"])
except LookupError as e:
    print("lookup:", e)
try:
    int("abc")
except ValueError as e:
    print(e)
n = 0
for i in range(10):
    try:
        if i % 3 == 0:
            continue
        if i == 8:
            break
        n += i
    finally:
        n += 100
print(n)
def f():
    try:
        raise BankError("outer")
    except BankError:
        print("re-raising")
        raise
try:
    f()
except Exception as e:
    print("got", e)
try:
    assert 1 == 2, "math"
except AssertionError as e:
    print("assert", e)
raise InsufficientFunds(5, 3)
