# Bank-account ledger: deposits, withdrawals, interest and fees with a formatted running-balance table
balance = 0.0
overdrafts = 0

KINDS = ["deposit", "withdraw", "interest", "fee", "deposit", "withdraw", "withdraw",
         "deposit", "interest", "fee", "withdraw", "deposit"]
AMOUNTS = [2500.0, 120.55, 0.015, 4.99, 1234567.891, 999.999, 1500000.0,
           310.1, 0.0125, 35.0, 42.42, 0.005]

def apply(kind, amount, *, overdraft_limit=500.0):
    global balance, overdrafts
    if kind == "deposit":
        if amount <= 0:
            raise ValueError("deposit must be positive")
        balance += amount
        return amount
    elif kind == "withdraw":
        if balance - amount < -overdraft_limit:
            return 0.0
        if balance - amount < 0:
            overdrafts += 1
        balance -= amount
        return -amount
    elif kind == "interest":
        gained = balance * amount if balance > 0 else 0.0
        balance += gained
        return gained
    elif kind == "fee":
        balance -= amount
        return -amount
    raise ValueError(f"unknown transaction kind {kind!r}")

def rule(width=68):
    line = ""
    for _ in range(width):
        line += "-"
    print(line)

print(f"{'#':>3} {'kind':<10}{'amount':>18}{'change':>18}{'balance':>18}")
rule()
total_in = 0.0
total_out = 0.0
for i in range(len(KINDS)):
    change = apply(KINDS[i], AMOUNTS[i])
    if change >= 0:
        total_in += change
    else:
        total_out -= change
    flag = "" if change != 0 or KINDS[i] != "withdraw" else "  REFUSED"
    print(f"{i + 1:>3} {KINDS[i]:<10}{AMOUNTS[i]:>18,.3f}{change:>+18,.2f}{balance:>18,.2f}{flag}")
rule()
print(f"{'in':<14}{total_in:>54,.2f}")
print(f"{'out':<14}{total_out:>54,.2f}")
print(f"{'net':<14}{total_in - total_out:>54,.2f}")
print(f"overdrafts: {overdrafts}, final balance {balance:,.2f} ({balance:.3e}) {balance:_.1f}")
cents = int(balance * 100 + 0.5)
print(f"in cents: {cents:,} = {cents // 100}.{cents % 100:02d}")
print(f"{-0.004:.2f} {0.005:.2f} {0.015:.2f} {2.675:.2f} {1e16:,.0f} {-1234.5:010,.1f}")
print(f"{0.1234:.1%} {12:>8.2%}")
apply("transfer", 10.0)
