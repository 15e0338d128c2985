# Inheritance with overriding for a payroll: salaried, hourly, commissioned, managers with reports.


class Employee:
    def __init__(self, name, emp_id):
        self.name = name
        self.emp_id = emp_id

    def monthly_pay(self):
        return 0

    def title(self):
        return "employee"

    def __str__(self):
        return f"#{self.emp_id} {self.name} ({self.title()}): {self.monthly_pay()}"


class Salaried(Employee):
    def __init__(self, name, emp_id, annual):
        super().__init__(name, emp_id)
        self.annual = annual

    def monthly_pay(self):
        return self.annual // 12

    def title(self):
        return "salaried"


class Hourly(Employee):
    def __init__(self, name, emp_id, rate, hours):
        super().__init__(name, emp_id)
        self.rate = rate
        self.hours = hours

    def monthly_pay(self):
        regular = min(self.hours, 160)
        overtime = max(self.hours - 160, 0)
        return regular * self.rate + overtime * self.rate * 3 // 2

    def title(self):
        return "hourly"


class Commissioned(Salaried):
    def __init__(self, name, emp_id, annual, sales, percent):
        super().__init__(name, emp_id, annual)
        self.sales = sales
        self.percent = percent

    def monthly_pay(self):
        return super().monthly_pay() + self.sales * self.percent // 100

    def title(self):
        return "sales/" + super().title()


class Manager(Salaried):
    def __init__(self, name, emp_id, annual):
        super().__init__(name, emp_id, annual)
        self.reports = []

    def add(self, e):
        self.reports.append(e)

    def monthly_pay(self):
        return super().monthly_pay() + 100 * len(self.reports)

    def title(self):
        return f"manager of {len(self.reports)}"

    def team_cost(self):
        total = self.monthly_pay()
        for r in self.reports:
            if isinstance(r, Manager):
                total += r.team_cost()
            else:
                total += r.monthly_pay()
        return total


ceo = Manager("Zed", 1, 240000)
cto = Manager("Yan", 2, 180000)
ceo.add(cto)
ceo.add(Salaried("Xia", 3, 90000))
ceo.add(Commissioned("Wes", 4, 48000, 120000, 5))
cto.add(Hourly("Val", 5, 40, 150))
cto.add(Hourly("Uma", 6, 45, 182))
cto.add(Salaried("Tom", 7, 110000))

staff: list[Employee] = [ceo, cto]
for r in ceo.reports:
    if r is not cto:
        staff.append(r)
for r in cto.reports:
    staff.append(r)
for e in staff:
    print(e)
print("team cost ceo", ceo.team_cost(), "cto", cto.team_cost())
print("payroll", sum(e.monthly_pay() for e in staff))
top = sorted(staff, key=lambda e: e.monthly_pay(), reverse=True)
print([e.name for e in top])
by_title = {}
for e in staff:
    t = e.title().split()[0]
    by_title[t] = by_title.get(t, 0) + 1
print(by_title)
print(sum(1 for e in staff if isinstance(e, Salaried)), sum(1 for e in staff if isinstance(e, Hourly)))
