# Text report formatting: parsing CSV-like lines with split/strip, int()/float() of str, str.format/%-format/f-string alignment, title/upper/zfill/center
raw = """id, name , dept, salary, start
7, ada lovelace, research, 91000.5, 2015-03-01
12, alan turing, research, 88500, 2012-11-23
3, grace hopper, engineering, 102000.25, 2009-06-15
21, linus t, engineering, 79000, 2019-01-07
5, margaret hamilton, management, 120000, 2005-09-30
"""
lines = [ln for ln in raw.splitlines() if ln.strip()]
header = [h.strip() for h in lines[0].split(",")]
rows = []
for ln in lines[1:]:
    parts = ln.split(",")
    for i in range(len(parts)):
        parts[i] = parts[i].strip()
    year, month, day = parts[4].split("-")
    rows.append((int(parts[0]), parts[1].title(), parts[2], float(parts[3]), int(year), int(month), int(day)))
print(" | ".join(h.upper().center(10) for h in header))
print("-+-".join("-" * 10 for _ in header))
for r in sorted(rows, key=lambda r: r[0]):
    ident, name, dept, salary, y, mo, dd = r
    print("{:>10} | {:<10.10} | {:^10} | {:>10,.0f} | {}-{}-{}".format(str(ident).zfill(4), name, dept[:10], salary, y, str(mo).zfill(2), str(dd).zfill(2)))
depts = {}
for r in rows:
    depts[r[2]] = depts.get(r[2], 0.0) + r[3]
print()
for dept in sorted(depts, key=lambda k: -depts[k]):
    n = len([r for r in rows if r[2] == dept])
    bar = "*" * int(depts[dept] // 20000)
    print("%-12s %2d %12.2f %s" % (dept.capitalize(), n, depts[dept], bar))
initials = ["".join(w[0] for w in r[1].split()) for r in rows]
print(initials, sorted(initials, key=lambda s: s.lower()))
senior = [r[1].split()[-1] for r in rows if r[4] < 2013]
print("senior:", ", ".join(senior).replace("Hopper", "HOPPER"))
longest = max([r[1] for r in rows], key=len)
print(f"longest name: {longest!r} ({len(longest)} chars), vowels={sum(1 for c in longest.lower() if c in 'aeiou')}")
total = 0.0
for r in rows:
    total += r[3]
print(f"payroll {total:>15,.2f}\naverage {total / len(rows):>15.3f}")
print(f"{'end of report':=^40}")
