# A generator of closures: a closure raises, some are caught; an uncaught user exception ends the program (exit 1).


class BudgetExceeded(Exception):
    def __init__(self, spent, budget):
        super().__init__(f"spent {spent} of budget {budget}")
        self.spent = spent


def make_wallet(budget):
    spent = 0

    def spend(amount):
        nonlocal spent
        if spent + amount > budget:
            raise BudgetExceeded(spent + amount, budget)
        spent += amount
        return budget - spent
    return spend


def purchases(items):
    for name, cost in items:
        print("  offering", name)
        yield cost


wallet = make_wallet(20)
try:
    for cost in purchases([("tea", 4), ("cake", 7), ("book", 15), ("pen", 1)]):
        print("left:", wallet(cost))
except BudgetExceeded as e:
    print("stopped:", e, "| spent would be", e.spent)
print("after first shop:", wallet(1))


def spender_gen(budgets):
    for b in budgets:
        yield make_wallet(b)


results = []
for w in spender_gen([5, 10, 15]):
    try:
        results.append(w(8))
        results.append(w(4))
    except BudgetExceeded as e:
        results.append(-e.spent)
print(results)

final = make_wallet(10)
for amount in [3, 3, 3, 3]:
    print("remaining", final(amount))
print("not reached")
