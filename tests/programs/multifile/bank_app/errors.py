# Exception classes shared by several modules.
print("loading module", __name__)


class BankError(Exception):
    pass


class InsufficientFunds(BankError):
    def __init__(self, account_id, needed):
        super().__init__(f"account {account_id} is short by {needed}")
        self.account_id = account_id
        self.needed = needed


class UnknownAccount(BankError):
    pass
