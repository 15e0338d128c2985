# kiln: build
# Calendar computations: Zeller's congruence, leap years, day of year, and a printed month grid
DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July",
               "August", "September", "October", "November", "December"]
MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)

def days_in_month(y, m):
    if m < 1 or m > 12:
        raise ValueError(f"month must be in 1..12, got {m}")
    return 29 if m == 2 and is_leap(y) else MONTH_DAYS[m - 1]

def zeller(y, m, d):
    # returns 0 = Monday .. 6 = Sunday
    if m < 3:
        m += 12
        y -= 1
    k = y % 100
    j = y // 100
    h = (d + 13 * (m + 1) // 5 + k + k // 4 + j // 4 + 5 * j) % 7
    return (h + 5) % 7

def day_of_year(y, m, d):
    n = d
    for mm in range(1, m):
        n += days_in_month(y, mm)
    return n

def days_between(y1, m1, d1, y2, m2, d2):
    def_total = 0
    return ordinal(y2, m2, d2) - ordinal(y1, m1, d1) + def_total

def ordinal(y, m, d):
    y1 = y - 1
    return y1 * 365 + y1 // 4 - y1 // 100 + y1 // 400 + day_of_year(y, m, d)

def print_month(y, m):
    title = f"{MONTH_NAMES[m - 1]} {y}"
    pad = (20 - len(title)) // 2
    line = ""
    for _ in range(pad):
        line += " "
    print(line + title)
    header = ""
    for name in DAY_NAMES:
        header += name + " "
    print("Mo Tu We Th Fr Sa Su")
    first = zeller(y, m, 1)
    row = ""
    for _ in range(first):
        row += "   "
    col = first
    for d in range(1, days_in_month(y, m) + 1):
        row += f"{d:>2}"
        col += 1
        if col == 7:
            print(row)
            row = ""
            col = 0
        else:
            row += " "
    if row:
        print(row)

dates = [1969, 7, 20, 2000, 1, 1, 2024, 2, 29, 1900, 3, 1, 2038, 1, 19, 1582, 10, 15, 9999, 12, 31]
for i in range(0, len(dates), 3):
    y = dates[i]
    m = dates[i + 1]
    d = dates[i + 2]
    print(f"{y:04d}-{m:02d}-{d:02d} is a {DAY_NAMES[zeller(y, m, d)]}, day {day_of_year(y, m, d):>3} of the year, leap={is_leap(y)}")
print_month(2024, 2)
print_month(2023, 10)
leaps = 0
for y in range(1600, 2401):
    if is_leap(y):
        leaps += 1
print("leap years 1600-2400:", leaps)
fri13 = 0
for y in range(2000, 2030):
    for m in range(1, 13):
        if zeller(y, m, 13) == 4:
            fri13 += 1
print("Friday the 13ths 2000-2029:", fri13)
print("days from moon landing to Y2K:", days_between(1969, 7, 20, 2000, 1, 1))
print(days_in_month(2023, 13))
