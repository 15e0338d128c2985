# Multi-file bank: modules importing each other, a shared exceptions module, a package of helpers.
import errors
from ledger import Ledger
from pkg import sub
from errors import BankError, InsufficientFunds
import accounts

print("imports done")


def run():
    led = Ledger()
    alice = led.open("alice", 120000)
    bob = led.open("bob", 5000)
    carol = led.open("carol", 0)
    transfers = [(alice, bob, 25000), (bob, carol, 40000), (bob, carol, 29999), (carol, 99, 1), (alice, carol, 1)]
    for src, dst, amount in transfers:
        try:
            led.transfer(src, dst, amount)
            print("ok", src, "->", dst, sub.money(amount))
        except InsufficientFunds as e:
            print("refused:", e, "| needed", sub.money(e.needed))
        except BankError as e:
            print("bank error:", type(e).__name__, e)
    for row in sub.table([(a.owner, a.balance) for a in led.accounts.values()]):
        print(row)
    print(led.entries)
    print(accounts.new_id(), isinstance(InsufficientFunds(1, 1), errors.BankError))
    print(list(led.accounts.values()))


if __name__ == "__main__":
    run()
