# try inside loops: parsing records, skipping bad ones, counting error kinds.

records = [
    "alice,34,5000",
    "bob,notanumber,4000",
    "carol,29",
    "dave,41,0",
    "eve,25,3100",
    ",30,100",
    "frank,-5,100",
    "grace,38,7700",
]


def parse(line):
    parts = line.split(",")
    name = parts[0]
    if not name:
        raise ValueError("empty name")
    age = int(parts[1])
    salary = int(parts[2])
    if age < 0:
        raise ValueError(f"bad age {age}")
    return (name, age, salary)


good = []
errors = {}
for i, line in enumerate(records):
    try:
        rec = parse(line)
    except ValueError as e:
        errors[i] = "ValueError: " + str(e)
        continue
    except IndexError as e:
        errors[i] = "IndexError: " + str(e)
        continue
    good.append(rec)
print("good:", good)
for k in errors:
    print("line", k, errors[k])

ratios = []
for name, age, salary in good:
    try:
        ratios.append(age * 1000 // salary)
    except ZeroDivisionError:
        ratios.append(-1)
print("ratios:", ratios)

# retry loop with a counter of failures
attempts = 0
values = ["a", "b", "12", "c"]
result = 0
while True:
    try:
        result = int(values[attempts])
        break
    except ValueError:
        attempts += 1
print("parsed", result, "after", attempts, "failures")

# collecting exceptions until an index runs past the end
seen = []
i = 0
try:
    while True:
        seen.append(values[i].upper())
        i += 1
except IndexError:
    print("ran off the end at", i, seen)

total = 0
for i in range(-3, 4):
    try:
        total += 60 // i
    except ZeroDivisionError:
        print("skipping zero")
print("total", total)
