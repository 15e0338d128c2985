# An event-driven bank simulation: a priority queue of Event objects (Deposit, Withdraw, Transfer,
# Close, EndOfDay subclasses overriding apply()), Checking and Savings accounts with different
# withdrawal rules, and custom exceptions (InsufficientFunds, DailyLimitExceeded, AccountClosed,
# UnknownAccount) raised by the accounts and caught by the simulation loop.
# Optional size: the number of customer events (default 30000).
import random
import sys


class BankError(Exception):
    pass


class InsufficientFunds(BankError):
    def __init__(self, account_id, amount, available):
        super().__init__(f"account {account_id}: cannot take {amount}, available {available}")
        self.account_id = account_id
        self.amount = amount
        self.available = available


class DailyLimitExceeded(BankError):
    def __init__(self, account_id, limit):
        super().__init__(f"account {account_id}: daily limit {limit} reached")
        self.account_id = account_id


class AccountClosed(BankError):
    def __init__(self, account_id):
        super().__init__(f"account {account_id} is closed")
        self.account_id = account_id


class UnknownAccount(BankError):
    pass


class Account:
    def __init__(self, account_id, owner, balance):
        self.id = account_id
        self.owner = owner
        self.balance = balance
        self.closed = False
        self.withdrawn_today = 0
        self.operations = 0

    def kind(self):
        return "account"

    def available(self):
        return self.balance

    def ensure_open(self):
        if self.closed:
            raise AccountClosed(self.id)

    def deposit(self, amount):
        self.ensure_open()
        self.balance += amount
        self.operations += 1

    def withdraw(self, amount):
        self.ensure_open()
        if amount > self.available():
            raise InsufficientFunds(self.id, amount, self.available())
        self.balance -= amount
        self.withdrawn_today += amount
        self.operations += 1

    def end_of_day(self):
        self.withdrawn_today = 0
        return 0


class Checking(Account):
    DAILY_LIMIT = 250000

    def __init__(self, account_id, owner, balance, overdraft):
        super().__init__(account_id, owner, balance)
        self.overdraft = overdraft

    def kind(self):
        return "checking"

    def available(self):
        return self.balance + self.overdraft

    def withdraw(self, amount):
        if self.withdrawn_today + amount > Checking.DAILY_LIMIT:
            raise DailyLimitExceeded(self.id, Checking.DAILY_LIMIT)
        super().withdraw(amount)

    def end_of_day(self):
        super().end_of_day()
        if self.balance < 0:
            fee = 500 + (-self.balance) // 100
            self.balance -= fee
            return -fee
        return 0


class Savings(Account):
    RATE_BP = 3  # basis points of interest per day

    def __init__(self, account_id, owner, balance):
        super().__init__(account_id, owner, balance)
        self.withdrawals_today = 0

    def kind(self):
        return "savings"

    def withdraw(self, amount):
        if self.withdrawals_today >= 2:
            raise DailyLimitExceeded(self.id, 2)
        super().withdraw(amount)
        self.withdrawals_today += 1

    def end_of_day(self):
        super().end_of_day()
        self.withdrawals_today = 0
        interest = self.balance * Savings.RATE_BP // 10000
        self.balance += interest
        return interest


class Bank:
    def __init__(self):
        self.accounts = {}
        self.cash_in = 0
        self.cash_out = 0
        self.adjustments = 0

    def get(self, account_id):
        if account_id not in self.accounts:
            raise UnknownAccount(f"no account {account_id}")
        return self.accounts[account_id]

    def open(self, acct):
        self.accounts[acct.id] = acct
        self.cash_in += acct.balance

    def total(self):
        return sum(a.balance for a in self.accounts.values())


class Event:
    def __init__(self, time, seq):
        self.time = time
        self.seq = seq

    def __lt__(self, other):
        if self.time != other.time:
            return self.time < other.time
        return self.seq < other.seq

    def apply(self, bank, sim):
        return "nothing"


class Deposit(Event):
    def __init__(self, time, seq, account_id, amount):
        super().__init__(time, seq)
        self.account_id = account_id
        self.amount = amount

    def apply(self, bank, sim):
        bank.get(self.account_id).deposit(self.amount)
        bank.cash_in += self.amount
        return f"deposit {self.amount} to {self.account_id}"


class Withdraw(Event):
    def __init__(self, time, seq, account_id, amount):
        super().__init__(time, seq)
        self.account_id = account_id
        self.amount = amount

    def apply(self, bank, sim):
        bank.get(self.account_id).withdraw(self.amount)
        bank.cash_out += self.amount
        return f"withdraw {self.amount} from {self.account_id}"


class Transfer(Event):
    def __init__(self, time, seq, src, dst, amount, retries):
        super().__init__(time, seq)
        self.src = src
        self.dst = dst
        self.amount = amount
        self.retries = retries

    def apply(self, bank, sim):
        a = bank.get(self.src)
        b = bank.get(self.dst)
        b.ensure_open()
        try:
            a.withdraw(self.amount)
        except InsufficientFunds:
            if self.retries > 0:
                sim.schedule(Transfer(self.time + 1440, sim.next_seq(), self.src, self.dst, self.amount // 2, self.retries - 1))
                sim.retries += 1
            raise
        b.deposit(self.amount)
        return f"transfer {self.amount} {self.src}->{self.dst}"


class Close(Event):
    def __init__(self, time, seq, account_id):
        super().__init__(time, seq)
        self.account_id = account_id

    def apply(self, bank, sim):
        acct = bank.get(self.account_id)
        acct.ensure_open()
        if acct.balance < 0:
            raise InsufficientFunds(acct.id, -acct.balance, 0)
        bank.cash_out += acct.balance
        acct.balance = 0
        acct.closed = True
        return f"close {self.account_id}"


class EndOfDay(Event):
    def __init__(self, time, seq, day):
        super().__init__(time, seq)
        self.day = day

    def apply(self, bank, sim):
        delta = 0
        for account_id in sorted(bank.accounts):
            acct = bank.accounts[account_id]
            if not acct.closed:
                delta += acct.end_of_day()
        bank.adjustments += delta
        sim.day_report(self.day, delta)
        return f"end of day {self.day}"


class EventQueue:
    def __init__(self):
        self.heap = []

    def __len__(self):
        return len(self.heap)

    def push(self, e):
        h = self.heap
        h.append(e)
        i = len(h) - 1
        while i > 0:
            parent = (i - 1) // 2
            if h[i] < h[parent]:
                h[i], h[parent] = h[parent], h[i]
                i = parent
            else:
                break

    def pop(self):
        h = self.heap
        top = h[0]
        last = h.pop()
        if h:
            h[0] = last
            i = 0
            n = len(h)
            while True:
                left = 2 * i + 1
                right = left + 1
                smallest = i
                if left < n and h[left] < h[smallest]:
                    smallest = left
                if right < n and h[right] < h[smallest]:
                    smallest = right
                if smallest == i:
                    break
                h[i], h[smallest] = h[smallest], h[i]
                i = smallest
        return top


class Simulation:
    def __init__(self, bank):
        self.bank = bank
        self.queue = EventQueue()
        self.seq = 0
        self.retries = 0
        self.errors = {}
        self.processed = 0
        self.log = []

    def next_seq(self):
        self.seq += 1
        return self.seq

    def schedule(self, e):
        self.queue.push(e)

    def day_report(self, day, delta):
        if day % 5 == 0:
            open_accounts = sum(1 for a in self.bank.accounts.values() if not a.closed)
            print(f"day {day:3}: processed {self.processed:6} total {self.bank.total():12} adjustments {delta:8} open {open_accounts}")

    def run(self):
        while len(self.queue) > 0:
            e = self.queue.pop()
            self.processed += 1
            try:
                msg = e.apply(self.bank, self)
            except BankError as err:
                name = type(err).__name__
                self.errors[name] = self.errors.get(name, 0) + 1
                msg = "FAILED " + name + ": " + str(err)
            if len(self.log) < 15:
                self.log.append(f"t={e.time:6} #{e.seq:<5} {msg}")


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 30000
    random.seed(31337)
    bank = Bank()
    owners = ["ann", "bob", "cy", "dee", "eli", "fay", "gus", "hal", "ivy", "jo"]
    for i in range(40):
        owner = owners[i % len(owners)]
        if i % 3 == 0:
            bank.open(Savings(100 + i, owner, random.randint(1000, 500000)))
        else:
            bank.open(Checking(100 + i, owner, random.randint(0, 200000), random.choice([0, 10000, 50000])))
    sim = Simulation(bank)
    days = 30
    for d in range(1, days + 1):
        sim.schedule(EndOfDay(d * 1440 - 1, sim.next_seq(), d))
    for _ in range(n):
        t = random.randint(0, days * 1440 - 2)
        r = random.random()
        acct = random.randint(98, 141)
        if r < 0.35:
            sim.schedule(Deposit(t, sim.next_seq(), acct, random.randint(100, 60000)))
        elif r < 0.7:
            sim.schedule(Withdraw(t, sim.next_seq(), acct, random.randint(100, 90000)))
        elif r < 0.9996:
            sim.schedule(Transfer(t, sim.next_seq(), acct, random.randint(100, 139), random.randint(100, 120000), 2))
        else:
            sim.schedule(Close(t, sim.next_seq(), acct))
    sim.run()
    for line in sim.log:
        print(line)
    print("processed", sim.processed, "retries scheduled", sim.retries)
    for name in sorted(sim.errors):
        print(f"  {name:20} {sim.errors[name]}")
    total = bank.total()
    expected = bank.cash_in - bank.cash_out + bank.adjustments
    print("total", total, "expected", expected, "balanced", total == expected)
    ranked = sorted(bank.accounts.values(), key=lambda a: (-a.balance, a.id))
    for a in ranked[:5]:
        print(f"  {a.id} {a.owner:4} {a.kind():8} {a.balance:10} ops {a.operations}")
    closed = [a.id for a in bank.accounts.values() if a.closed]
    print("closed accounts:", closed)
    by_kind = {}
    for a in bank.accounts.values():
        by_kind[a.kind()] = by_kind.get(a.kind(), 0) + a.balance
    print(by_kind)


main()
