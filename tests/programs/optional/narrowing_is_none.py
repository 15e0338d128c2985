# `is None` / `is not None` narrowing in if/elif/while, and/or chains, early returns and ternaries.


class Employee:
    def __init__(self, name, salary, boss=None):
        self.name = name
        self.salary = salary
        self.boss = boss
        self.deputy = None


def chain_of_command(e):
    names = []
    cur = e
    while cur is not None:
        names.append(cur.name)
        cur = cur.boss
    return " -> ".join(names)


def boss_name(e):
    if e.boss is None:
        return "(nobody)"
    return e.boss.name


def deputy_salary(e):
    return e.deputy.salary if e.deputy is not None else 0


def earns_more_than_boss(e):
    return e.boss is not None and e.salary > e.boss.salary


def top(e):
    while e.boss is not None:
        e = e.boss
    return e


def describe(e):
    if e.boss is None and e.deputy is None:
        return e.name + ": alone at the top"
    elif e.boss is None:
        if e.deputy is not None:
            return e.name + ": top, deputy " + e.deputy.name
        return "?"
    elif e.deputy is not None:
        return f"{e.name}: reports to {e.boss.name}, deputy {e.deputy.name}"
    else:
        return f"{e.name}: reports to {e.boss.name}"


ceo = Employee("ceo", 300)
vp = Employee("vp", 200, ceo)
mgr = Employee("mgr", 210, vp)
dev = Employee("dev", 150, mgr)
intern = Employee("intern", 20, dev)
ceo.deputy = vp
mgr.deputy = dev
solo = Employee("solo", 50)
people = [ceo, vp, mgr, dev, intern, solo]
for p in people:
    print(f"{p.name:7} boss={boss_name(p):9} deputy_salary={deputy_salary(p):3} more_than_boss={earns_more_than_boss(p)} top={top(p).name}")
for p in people:
    print(chain_of_command(p))
for p in people:
    print(describe(p))

maybe = None
for p in people:
    if p.salary > 180 and p.boss is not None:
        maybe = p
        break
if maybe is not None:
    print("first high earner with a boss:", maybe.name)
nobody = None
for p in people:
    if p.salary > 1000:
        nobody = p
print("rich:", "none" if nobody is None else nobody.name)
x = intern.boss
n = 0
while x is not None and x.salary < 250:
    n += 1
    x = x.boss
print(n, x.name if x is not None else "-")
print(solo.boss is None, solo.deputy is None, ceo.deputy is vp, mgr.deputy is not dev)
