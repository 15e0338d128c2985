# @staticmethod helpers and @classmethod alternate constructors returning cls(...).


class Date:
    DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    def __init__(self, year, month, day):
        self.year = year
        self.month = month
        self.day = day

    @staticmethod
    def is_leap(year):
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)

    @staticmethod
    def days_in_month(year, month):
        if month == 2 and Date.is_leap(year):
            return 29
        return Date.DAYS[month - 1]

    @classmethod
    def from_string(cls, s):
        parts = s.split("-")
        return cls(int(parts[0]), int(parts[1]), int(parts[2]))

    @classmethod
    def first_of_year(cls, year):
        return cls(year, 1, 1)

    def day_of_year(self):
        n = 0
        for m in range(1, self.month):
            n += Date.days_in_month(self.year, m)
        return n + self.day

    def next_day(self):
        y, m, d = self.year, self.month, self.day + 1
        if d > Date.days_in_month(y, m):
            d = 1
            m += 1
            if m > 12:
                m = 1
                y += 1
        return Date(y, m, d)

    def iso(self):
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius

    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32.0) * 5.0 / 9.0)

    @classmethod
    def from_kelvin(cls, k):
        return cls(k - 273.15)

    @staticmethod
    def c_to_f(c):
        return c * 9.0 / 5.0 + 32.0

    def fahrenheit(self):
        return Temperature.c_to_f(self.celsius)


for y in [1900, 2000, 2023, 2024, 2100]:
    print(y, Date.is_leap(y), Date.days_in_month(y, 2))

d = Date.from_string("2024-02-27")
for _ in range(5):
    print(d.iso(), d.day_of_year())
    d = d.next_day()
e = Date.from_string("2023-12-30")
for _ in range(3):
    print(e.iso(), e.day_of_year())
    e = e.next_day()
f = Date.first_of_year(2025)
print(f.iso(), f.day_of_year())
print(Date.from_string("2000-12-31").day_of_year(), Date.from_string("1999-12-31").day_of_year())

# calling a static method through an instance
print(d.is_leap(1996), d.days_in_month(2023, 4))

for t in [Temperature(100.0), Temperature.from_fahrenheit(212.0), Temperature.from_kelvin(0.0),
          Temperature.from_fahrenheit(-40.0)]:
    print(f"{t.celsius:.2f}C = {t.fahrenheit():.2f}F")
print(Temperature.c_to_f(37.0), round(Temperature.from_fahrenheit(98.6).celsius, 4))
