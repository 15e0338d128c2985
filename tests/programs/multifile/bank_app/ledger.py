# A ledger that also imports errors and accounts (both already loaded by then).
import errors
from accounts import Account

print("loading module", __name__)


class Ledger:
    def __init__(self):
        self.accounts = {}
        self.entries = []

    def open(self, owner, balance):
        a = Account(owner, balance)
        self.accounts[a.id] = a
        return a.id

    def get(self, account_id):
        if account_id not in self.accounts:
            raise errors.UnknownAccount(f"no account {account_id}")
        return self.accounts[account_id]

    def transfer(self, src, dst, amount):
        a = self.get(src)
        b = self.get(dst)
        a.withdraw(amount)
        b.deposit(amount)
        self.entries.append((src, dst, amount))
