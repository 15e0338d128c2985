# finally runs when break or continue leaves a try block inside a loop.

log = []
for i in range(6):
    try:
        if i == 1:
            continue
        if i == 4:
            break
        log.append(f"body {i}")
    finally:
        log.append(f"finally {i}")
print(log)

log = []
n = 0
while n < 10:
    n += 1
    try:
        try:
            if n % 3 == 0:
                continue
            if n == 8:
                break
            log.append("work " + str(n))
        finally:
            log.append("inner " + str(n))
    finally:
        log.append("outer " + str(n))
print(log)

# an exception handled inside the loop, with continue in the handler
results = []
for token in ["1", "x", "3", "", "5", "stop", "7"]:
    try:
        if token == "stop":
            break
        v = int(token)
    except ValueError:
        results.append("skip")
        continue
    finally:
        results.append("|")
    results.append(str(v * 10))
print(results)

# nested loops: break out of the inner loop through finally
grid = []
for r in range(3):
    row = []
    for c in range(5):
        try:
            if c > r + 1:
                break
            row.append(r * 10 + c)
        finally:
            row.append(-1)
    grid.append(row)
print(grid)

# loop else is skipped by break even through finally
for i in range(3):
    try:
        if i == 2:
            break
    finally:
        print("finally", i)
else:
    print("else not printed")
for i in range(2):
    try:
        pass
    finally:
        print("finally", i)
else:
    print("else printed")
